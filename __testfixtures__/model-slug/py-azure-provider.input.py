"""Agent wrappers for the benchmark harness."""


class NaviAgent:
    def __init__(self, server: str = "azure", model: str = "gpt-5.4", verbose: bool = False):
        self.server = server
        self.model = model


PROVIDERS = {
    "azure": {"provider": "azure", "model": "gpt-5.4"},
    "openai": {"provider": "openai", "model": "gpt-5.4"},
}
