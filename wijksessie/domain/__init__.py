"""The domain: what a network session is, its rules and its analysis.

Imports neither Textual nor TinyDB nor the store, so it can be read, tested and reused alone.
"""
