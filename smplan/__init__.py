"""smplan: plan a social media strategy in eight steps and render it as a document."""

__version__ = "0.1.0"
