"""Role labels read with the right article: "an administrator", "a DevOps engineer"."""

from __future__ import annotations

import pytest

from presentation.formats import with_article


@pytest.mark.parametrize("label, text", [
    ("administrator", "an administrator"), ("AI engineer", "an AI engineer"), ("DevOps engineer", "a DevOps engineer"),
    ("architect", "an architect"), ("data engineer", "a data engineer"), ("security engineer", "a security engineer"),
])
def test_the_article_follows_the_sound(label, text):
    assert with_article(label) == text
