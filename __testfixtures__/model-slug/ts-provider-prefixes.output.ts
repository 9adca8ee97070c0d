import { completion } from "./gateway.js";

export const viaRouter = () => completion({ model: "litellm/openrouter/openai/gpt-5.5", messages: [] });

export const viaBedrock = () => completion({ model: "openai.gpt-5.5", messages: [] });
