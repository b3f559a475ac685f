"""The project's copy of the gold data matches ../shared/gold, the source of truth."""

import hashlib

import pytest

from conftest import GOLD_DIR, SHARED_GOLD


def _digest(folder):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.mark.skipif(not (SHARED_GOLD / "dev").is_dir(), reason="no ../shared/gold beside the clone")
def test_gold_copy_is_in_sync():
    assert _digest(GOLD_DIR) == _digest(SHARED_GOLD / "dev"), (
        "tests/gold/dev differs from ../shared/gold/dev: run scripts/sync_gold.sh"
    )
