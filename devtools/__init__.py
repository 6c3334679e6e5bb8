"""Development tools: the local LINE platform (fakeline), test images (synth), test ids and a hand-moved clock. Used by tests, benchmarks and `bot.py demo`; no bot logic."""
