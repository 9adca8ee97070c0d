import { AzureOpenAI } from "openai";
import { DefaultAzureCredential, getBearerTokenProvider } from "@azure/identity";

// On Azure "model" is the deployment name the platform team created, which happens
// to match the model it serves.
const client = new AzureOpenAI({
  azureADTokenProvider: getBearerTokenProvider(
    new DefaultAzureCredential(),
    "https://cognitiveservices.azure.com/.default",
  ),
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiVersion: "2025-04-01-preview",
  deployment: "gpt-5.4",
});

export async function summarize(text: string) {
  const response = await client.responses.create({
    model: "gpt-5.4",
    input: text,
  });
  return response.output_text;
}
