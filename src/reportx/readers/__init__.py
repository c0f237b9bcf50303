"""Bytes to text, one module per kind of file: `plain` (encodings, line ends), `html`, `mhtml`,
`docx`, `doc`, `pdf`; `loading.read_text` picks the reader from the file's bytes."""
