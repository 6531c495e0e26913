"""The cyclic garbage collector is paused around bulk work and left as the caller had it."""

from __future__ import annotations

import gc

import pytest

from vestnik.document import Document
from vestnik.gc_pause import no_cyclic_gc
from vestnik.pipeline import make_pipeline


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_inside_and_restored_after(enabled: bool):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with no_cyclic_gc():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), no_cyclic_gc():  # restored when the work fails too
            raise RuntimeError("stage failed")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_pipeline_run_leaves_the_collector_on():
    assert gc.isenabled()
    doc = make_pipeline(only=["segment", "language"])(Document(text="Заглавие\n\nПървият абзац на текста."))
    assert doc.language == "bg" and gc.isenabled()
