"""A web page saved as one file (Chrome's "Webpage, Single File", IE's .mht): a MIME
multipart/related message whose HTML part is the page; its charset is declared by the part."""
from __future__ import annotations

from reportx.errors import InputError


def mhtml_text(data: bytes, name: str = "<mhtml>") -> str:
    """The report text of the saved page's HTML part."""
    import email
    from email import policy

    from reportx.readers.html import html_text

    try:
        msg = email.message_from_bytes(data, policy=policy.compat32)
        parts = [part for part in msg.walk() if part.get_content_type() == "text/html"]
        html = parts[0] if parts else None
        payload = (html.get_payload(decode=True) or b"") if html is not None else b""
        charset = html.get_content_charset() if html is not None else None
    except Exception as exc:  # the email package raises many kinds on a damaged MIME file
        raise InputError(f"{name}: not a readable saved web page ({type(exc).__name__})") from None
    if html is None:
        raise InputError(f"{name}: a saved web page with no HTML in it")
    return html_text(payload, name, charset=charset)
