"""Circle: a training simulator for group-therapy education."""
