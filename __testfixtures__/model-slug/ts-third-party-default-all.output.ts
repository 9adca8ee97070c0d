import { BaseLLM } from "../index.js";
import type { LLMOptions } from "../../index.js";

class GatewayLLM extends BaseLLM {
  static providerName = "askSage";
  static defaultOptions: Partial<LLMOptions> = {
    apiBase: "https://api.gateway.example/server/",
    model: "gpt-4o",
  };
}

class OpenAILLM extends BaseLLM {
  static providerName = "openai";
  static defaultOptions: Partial<LLMOptions> = {
    apiBase: "https://api.openai.com/v1/",
    model: "gpt-5.5",
  };
}

export { GatewayLLM, OpenAILLM };
