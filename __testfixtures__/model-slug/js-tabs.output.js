const OpenAI = require("openai");

const client = new OpenAI();

async function summarize(text) {
	const response = await client.responses.create({
		model: "gpt-5.5",
		input: text,
	});
	return response.output_text;
}

module.exports = { summarize };
