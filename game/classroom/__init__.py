"""The class companion: the whole class reads the room and votes, from phones, on one session.

A view of the Session like ui/ and text/, served by starlette on uvicorn in the game's own
process. Pygame-free: the projector's panel lives in game/ui and reads the Classroom.
"""
from .room import Classroom, CommandRefused, DecisionVotes, SessionDriver
from .server import RunningServer, ServerProblem, start_server
from .votes import VoteBox, VoteRefused
from .web import build_app

__all__ = ["Classroom", "CommandRefused", "DecisionVotes", "RunningServer", "ServerProblem", "SessionDriver",
           "VoteBox", "VoteRefused", "build_app", "start_server"]
