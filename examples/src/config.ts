// Central model settings for the support bot.
export const config = {
  model: process.env.OPENAI_MODEL ?? "gpt-5.4",
  // Cheap route for classification and retries.
  fallbackModel: "gpt-5.4-mini",
  maxOutputTokens: 1200,
};

// Reproducibility: the nightly regression job pins a dated snapshot.
export const REGRESSION_SNAPSHOT = "gpt-5.4-2026-03-05";
