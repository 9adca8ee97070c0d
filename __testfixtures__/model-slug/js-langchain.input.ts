import { ChatOpenAI } from "@langchain/openai";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";

// Deterministic extraction: LangChain users set temperature 0 out of habit.
const extractor = new ChatOpenAI({
  model: "gpt-5.4",
  temperature: 0,
  maxRetries: 2,
});

const writer = new ChatOpenAI({
  model: "gpt-5.4",
  useResponsesApi: true,
});

const precise = new ChatOpenAI({
  modelName: "gpt-5.4",
  temperature: 0,
  reasoning: { effort: "none" },
});

const prompt = ChatPromptTemplate.fromMessages([
  ["system", "Extract the company names mentioned in the text, one per line."],
  ["human", "{text}"],
]);

export const extractCompanies = prompt.pipe(extractor).pipe(new StringOutputParser());
export const draft = writer.pipe(new StringOutputParser());
export const preciseDraft = precise.pipe(new StringOutputParser());
