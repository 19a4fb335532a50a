"""The extraction engine: structured claims from news articles in seven languages.

Plain Python; never imports Django. Entry point: `extract()`.
"""

from factcheck.claim import Claim, Extraction
from factcheck.extractor import extract

__all__ = ["Claim", "Extraction", "extract"]
