from openai import OpenAI

client = OpenAI()
TOOLS = [{"type": "computer_use_preview", "display_width": 1280, "display_height": 800, "environment": "mac"}]


async def drive(desktop, task):
    response = client.responses.create(model="computer-use-preview", tools=TOOLS, input=task, truncation="auto")
    while True:
        pending = [out for out in response.output if out and out.type == "computer_call"]
        if not pending:
            break
        call = pending[0]
        action = call.action
        await desktop.perform(action)
        shot = await desktop.screenshot()
        response = client.responses.create(
            model="computer-use-preview",
            previous_response_id=response.id,
            tools=TOOLS,
            input=[{"type": "computer_call_output", "call_id": call.call_id, "output": {"type": "input_image", "image_url": shot}}],
            truncation="auto",
        )
    return response
