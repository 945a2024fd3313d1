"""`python main.py bench`: performance figures, each next to a baseline measured in the same run.

The machines this runs on are shared and noisy, so no figure is a pass/fail test: each is a
ratio to something measured moments before on the same machine.
"""
