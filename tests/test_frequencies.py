"""The word-frequency list: generated data (bench/build_frequencies.py), a compact look-up."""
from __future__ import annotations

import pickle

import pytest

from stylecheck import frequencies
from stylecheck.frequencies import Frequencies


@pytest.fixture(scope="module")
def english() -> Frequencies:
    return frequencies.load()


def test_the_bundled_list_orders_words_by_how_common_they_are(english):
    assert len(english) > 200_000
    assert english.zipf("the") > english.zipf("government") > english.zipf("referendum") > english.zipf("zeugma") > 0
    assert english.zipf("The") == english.zipf("the")  # case-insensitive
    assert english.zipf("don’t") == english.zipf("don't") > 5  # curly apostrophes are read as straight
    assert english.zipf("toprevent") == 0.0 and "toprevent" not in english
    assert "prevent" in english
    # A bucket of one word is quoted in the data: YAML would read a bare `on` as true.
    assert english.zipf("on") == 6.9 and english.zipf("in") > english.zipf("on") > english.zipf("as")


def test_lookups_are_remembered_per_process_and_never_pickled():
    table = Frequencies.from_buckets([("5.0", "cat dog")], "test")
    assert table.zipf("cat") == 5.0 and table.zipf("Cat") == 5.0 and table.zipf("cow") == 0.0
    assert table.zipf("cat") == 5.0  # the second look-up is answered from the memo
    copy = pickle.loads(pickle.dumps(table))
    assert copy._memo == {} and copy.zipf("dog") == 5.0


def test_a_small_table_round_trips_through_pickle():
    table = Frequencies.from_buckets([("5.0", "cat dog"), ("3.2", "aardvark"), ("1.0", "dog")], "test")
    assert [table.zipf(w) for w in ("aardvark", "cat", "dog", "cow", "")] == [3.2, 5.0, 5.0, 0.0, 0.0]
    copy = pickle.loads(pickle.dumps(table))
    assert (len(copy), copy.zipf("dog"), copy.zipf("zebra"), copy.source) == (3, 5.0, 0.0, "test")
