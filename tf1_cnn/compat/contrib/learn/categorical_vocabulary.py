"""``tf.contrib.learn.preprocessing.CategoricalVocabulary`` (TF 1.3-1.15's categorical_vocabulary module).

A growing map category -> id (id 0 is the unknown token) with frequencies, as TF 1.x
defined it; the behaviour below (what ``add`` counts, ``trim``'s strict bounds and its
ordering, the frequency table it leaves) was measured on TF 1.15.5 and is tested against it.
The instance attributes have TF 1.x's names, so a vocabulary pickled by TF 1.x restores here.
"""
import collections


class CategoricalVocabulary(object):
    """Categories (words, labels) -> ids 1..n in the order first seen; 0 is ``unknown_token``."""

    def __init__(self, unknown_token="<UNK>", support_reverse=True):
        self._unknown_token = unknown_token
        self._mapping = {unknown_token: 0}
        self._support_reverse = support_reverse
        if support_reverse:
            self._reverse_mapping = [unknown_token]
        self._freq = collections.defaultdict(int)
        self._freeze = False

    def __len__(self):
        """Number of ids, the unknown token's included."""
        return len(self._mapping)

    def freeze(self, freeze=True):
        """Frozen, a new category gets id 0 (unknown) instead of a new id."""
        self._freeze = freeze

    def get(self, category):
        """The id of ``category``; a new one gets the next id unless frozen (then 0)."""
        if category not in self._mapping:
            if self._freeze:
                return 0
            self._mapping[category] = len(self._mapping)
            if self._support_reverse:
                self._reverse_mapping.append(category)
        return self._mapping[category]

    def add(self, category, count=1):
        """Count ``count`` more of ``category`` (nothing for the unknown token or, frozen, a new category)."""
        category_id = self.get(category)
        if category_id <= 0:
            return
        self._freq[category] += count

    def trim(self, min_frequency, max_frequency=-1):
        """Keep the categories with min_frequency < count (< max_frequency when that is > 0), ids 1..n
        renumbered by count, highest first, ties by category.

        As in TF 1.x, the scan stops at the first count <= min_frequency, and the frequency table kept
        is the first n entries of that order (counted, not filtered, when max_frequency skipped some).
        """
        by_count = sorted(sorted(self._freq.items(), key=lambda kv: kv[0]), key=lambda kv: kv[1], reverse=True)
        self._mapping = {self._unknown_token: 0}
        if self._support_reverse:
            self._reverse_mapping = [self._unknown_token]
        next_id = 1
        for category, count in by_count:
            if 0 < max_frequency <= count:
                continue
            if count <= min_frequency:
                break
            self._mapping[category] = next_id
            next_id += 1
            if self._support_reverse:
                self._reverse_mapping.append(category)
        self._freq = dict(by_count[:next_id - 1])

    def reverse(self, class_id):
        """The category of ``class_id``; ValueError when built with support_reverse=False."""
        if not self._support_reverse:
            raise ValueError("This vocabulary wasn't initialized with support_reverse to support reverse() function.")
        return self._reverse_mapping[class_id]
