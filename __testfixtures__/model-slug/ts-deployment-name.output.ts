import { ChatOpenAI } from "@langchain/openai";

// Deployments are created per region; the name matches the model it was created from.
const AZURE_OPENAI_DEPLOYMENT = process.env.AZURE_OPENAI_DEPLOYMENT ?? "gpt-5.4";

export const settings = {
  azureOpenAIApiDeploymentName: AZURE_OPENAI_DEPLOYMENT,
  deploymentName: "gpt-4o",
};

export const direct = new ChatOpenAI({ model: "gpt-4o" });
