"""The screens of the pygame front end: menu, briefing, play, debrief, and the modal panels."""
