"""``tf.contrib.learn.preprocessing`` (TF 1.15's names; CategoricalProcessor not provided)."""
from . import categorical_vocabulary, text
from .categorical_vocabulary import CategoricalVocabulary
from .text import TOKENIZER_RE, ByteProcessor, VocabularyProcessor, tokenizer

__all__ = ["ByteProcessor", "CategoricalVocabulary", "TOKENIZER_RE", "VocabularyProcessor", "tokenizer",
           "categorical_vocabulary", "text"]
