"""Have a screen reader say a message now, through Qt 6.8's accessibility announcement.

A status-bar message, or a label whose text changes, is read by a screen reader only when
the user goes to it; an announcement (``QAccessibleAnnouncementEvent``, AT-SPI's
"Announcement" on Linux, UIA's notification on Windows, NSAccessibility's on macOS) is
spoken as it happens. The window's status messages that report what the user's command did
(a sort, an export saved, a load's summary, an error) go through :func:`announce`, as the
Read view's cue at the caret does (ux27, ux28).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str, *, assertive: bool = False) -> bool:
    """Post ``text`` as an announcement from ``source`` (the widget it shows in), when an
    assistive technology is listening (else nothing is built). ``assertive`` for an error:
    said at once, interrupting; otherwise polite (after what is being said). True if
    posted."""
    if not text or not QAccessible.isActive():
        return False
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    return True
