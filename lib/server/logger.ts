import pino from "pino";

/** The process logger: JSON lines, with secrets and credentials redacted by path. */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: [
      "password",
      "*.password",
      "*.currentPassword",
      "*.newPassword",
      "*.temporaryPassword",
      "apiKey",
      "*.apiKey",
      "value",
      "*.value",
      "*.encryptedApiKey",
      "*.encryptedValue",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
      "*.headers.cookie",
    ],
    censor: "[redacted]",
  },
});
