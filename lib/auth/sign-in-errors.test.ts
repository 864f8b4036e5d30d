import { describe, expect, it } from "vitest";
import { RATE_LIMITED_PREFIX, signInErrorMessage, UNAVAILABLE_ERROR } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("tells a database outage apart from wrong credentials", () => {
    expect(signInErrorMessage(UNAVAILABLE_ERROR)).toEqual({ key: "unavailable" });
  });

  it("reads the throttling wait, and shows one generic message for anything else", () => {
    expect(signInErrorMessage(`${RATE_LIMITED_PREFIX}Too many attempts. Try again in 12 minutes.`)).toEqual({ key: "rateLimited", minutes: 12 });
    expect(signInErrorMessage(RATE_LIMITED_PREFIX)).toEqual({ key: "rateLimitedLater" });
    expect(signInErrorMessage("CredentialsSignin")).toEqual({ key: "wrongCredentials" });
  });
});
