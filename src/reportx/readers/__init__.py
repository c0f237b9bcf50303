"""Bytes to text: encodings and line ends, HTML pages, Word files, PDFs."""
