export const DEFAULTS = {
  model: "gpt-5.4",
};
