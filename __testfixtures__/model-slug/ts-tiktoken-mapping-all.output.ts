import type { TiktokenModel } from "js-tiktoken/lite";

export const encodingModelFor = (modelName: string): TiktokenModel => {
  if (modelName.startsWith("gpt-5")) {
    return "gpt-5" as TiktokenModel;
  }
  if (modelName.startsWith("gpt-4o")) {
    return "gpt-4o";
  }
  return modelName.startsWith("o1") ? "o1" : (modelName as TiktokenModel);
};

export const defaultModel = "gpt-5.5";
