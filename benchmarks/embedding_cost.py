"""What a sentence embedding would cost the news reader: a forward pass of all-MiniLM-L6-v2's
shape (6 layers, 384 wide, 12 heads, 1,536-wide feed-forward) in NumPy on one core.

The cost depends only on the shapes, so the weights are random and nothing is downloaded.
The reader's goal is 100 articles a second per core and an article has about 15 sentences:
an embedding of every sentence must stay under about 0.7 ms to fit. Not part of `make bench`
(NumPy is not a dependency of the platform); run it with any Python that has NumPy:

    OPENBLAS_NUM_THREADS=1 python3 benchmarks/embedding_cost.py
"""

from __future__ import annotations

import time

try:
    import numpy as np
except ImportError:  # pragma: no cover - the platform's own environment has no NumPy
    raise SystemExit(
        "needs NumPy: OPENBLAS_NUM_THREADS=1 python3 benchmarks/embedding_cost.py"
    ) from None

WIDTH, FEED, LAYERS, HEADS = 384, 1536, 6, 12
SCALE = (WIDTH // HEADS) ** -0.5  # a Python float keeps the arrays float32 (NumPy 2 rules)


def _layers(rng: np.random.Generator) -> list[dict[str, np.ndarray]]:
    def weights(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * 0.02).astype(np.float32)

    return [
        {
            "q": weights(WIDTH, WIDTH),
            "k": weights(WIDTH, WIDTH),
            "v": weights(WIDTH, WIDTH),
            "o": weights(WIDTH, WIDTH),
            "up": weights(WIDTH, FEED),
            "down": weights(FEED, WIDTH),
        }
        for _ in range(LAYERS)
    ]


def _norm(x: np.ndarray) -> np.ndarray:
    return (x - x.mean(-1, keepdims=True)) / (x.std(-1, keepdims=True) + 1e-12)


def _heads(x: np.ndarray) -> np.ndarray:
    batch, tokens, _ = x.shape
    return x.reshape(batch, tokens, HEADS, WIDTH // HEADS).transpose(0, 2, 1, 3)


def embed(x: np.ndarray, layers: list[dict[str, np.ndarray]]) -> np.ndarray:
    """Encoder layers and mean pooling over (batch, tokens, width) token embeddings."""
    batch, tokens, _ = x.shape
    for w in layers:
        q, k, v = _heads(x @ w["q"]), _heads(x @ w["k"]), _heads(x @ w["v"])
        scores = q @ k.transpose(0, 1, 3, 2) * SCALE
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, tokens, WIDTH)
        x = _norm(x + context @ w["o"])
        hidden = x @ w["up"]
        cube = hidden * hidden * hidden
        hidden = 0.5 * hidden * (1 + np.tanh(0.7978845608 * (hidden + 0.044715 * cube)))
        x = _norm(x + hidden @ w["down"])
    assert x.dtype == np.float32  # a float64 array would time the wrong kernels
    return x.mean(1)


def main() -> None:
    rng = np.random.default_rng(0)
    layers = _layers(rng)
    for batch, tokens in ((1, 40), (16, 40), (16, 64)):
        x = rng.standard_normal((batch, tokens, WIDTH)).astype(np.float32)
        embed(x, layers)
        runs = 5
        start = time.process_time()
        for _ in range(runs):
            embed(x, layers)
        per_sentence = (time.process_time() - start) / runs / batch
        print(
            f"batch {batch:>2} x {tokens} tokens: {per_sentence * 1000:6.1f} ms a sentence, "
            f"{1 / (per_sentence * 15):6.1f} articles/s at 15 sentences each"
        )


if __name__ == "__main__":
    main()
