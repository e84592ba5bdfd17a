"""Training scripts for the shipped models (need scikit-learn and ``../shared/data``).

Each module trains one model and writes its file into ``models/shipped/``
bit for bit the same on every run from the same data; each also has an
``evaluate`` function that the validation harness (``bench/validity.py``) calls.
"""
