import { initChatModel } from "@langchain/classic/chat_models/universal";

// Returns a ChatOpenAI instance configured for deterministic output.
const deterministic = await initChatModel("gpt-4o", {
  modelProvider: "openai",
  temperature: 0,
});

const plain = await initChatModel("gpt-4o", { modelProvider: "openai" });

export { deterministic, plain };
