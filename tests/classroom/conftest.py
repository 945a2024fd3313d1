import pytest

from .rooms import InProcessRoom


@pytest.fixture
def room(tmp_path):
    """A fresh class on a real server (votes open by themselves, as headless), records in tmp_path."""
    served = InProcessRoom(records_folder=tmp_path / "records")
    yield served
    served.close()
