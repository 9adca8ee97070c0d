import OpenAI from "openai";
import { Agent, run } from "@openai/agents";

const client = new OpenAI();
const SUPPORT_MODEL = "gpt-5.5";

export async function answer(question: string, account: { plan: string }) {
  const response = await client.responses.create({
    model: "gpt-5.5",
    reasoning: { effort: "low" },
    instructions: `You are GPT-5.5, Acme's support assistant. Today is ${new Date().toDateString()}.
The customer is on the ${account.plan} plan; only describe features that plan includes.`,
    input: question,
  });
  return response.output_text;
}

export const escalations = new Agent({
  name: "Escalations",
  model: SUPPORT_MODEL,
  instructions:
    "You are GPT-5.5 handling escalations. " +
    "Return JSON with the fields severity and owner, nothing else.",
});

export async function classify(ticket: string) {
  const completion = await client.chat.completions.create({
    model: "gpt-5.4",
    temperature: 0,
    messages: [
      { role: "system", content: "You are GPT-5.4. Label the ticket as billing, outage or other." },
      { role: "user", content: ticket },
    ],
  });
  return completion.choices[0]?.message.content;
}

export async function triage(ticket: string) {
  return run(escalations, ticket);
}
