#!/usr/bin/python3
"""Writes the RSVP samples in this folder (run it here: /usr/bin/python3 make_samples.py).

The .ics files are hand-written to look like what each client sends back when an attendee
answers an invite: Google Calendar (ACCEPTED), Outlook / Exchange (TENTATIVE with a
COMMENT, a VTIMEZONE and X-MICROSOFT / X-MS properties), Apple Calendar (DECLINED with an
X-RESPONSE-COMMENT parameter), and a REQUEST that must be refused as "not a reply".
The .eml files wrap them the way mail clients do: base64 and quoted-printable parts,
multipart/mixed > multipart/alternative nesting, an attachment repeating the inline part,
a forwarded message/rfc822, a windows-1252 single-part message.
"""
import base64
import quopri


def fold(line):
    b = line.encode("utf-8")
    out = []
    while len(b) > 75:
        cut = 75
        while cut > 0 and (b[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(b[:cut])
        b = b" " + b[cut:]
    out.append(b)
    return b"\r\n".join(out)


def ics(lines):
    return b"".join(fold(l) + b"\r\n" for l in lines)


UID = "3f2a9c1e8b7d4c6a9e0f1b2c3d4e5f60@tandem.local"

google = ics([
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:REPLY",
    "BEGIN:VEVENT",
    "DTSTART:20260310T150000Z",
    "DTEND:20260310T160000Z",
    "DTSTAMP:20260302T091512Z",
    "ORGANIZER;CN=Tandem Mentoring:mailto:mentoring@example.org",
    "UID:" + UID,
    "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ana López;X-NUM-GUESTS=0:mailto:ana.lopez@gmail.com",
    "CREATED:20260301T120000Z",
    "DESCRIPTION:Agenda:\\n1. Icebreaker\\n2. Goals for the quarter\\, part 1\\n\\n-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-\\nInvitation from Google Calendar: https://calendar.google.com/calendar/",
    "LAST-MODIFIED:20260302T091512Z",
    "LOCATION:Room 4.12 (Kepler)",
    "SEQUENCE:1",
    "STATUS:CONFIRMED",
    "SUMMARY:Mentoring: Ana & Bram",
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
])

outlook_lines = [
    "BEGIN:VCALENDAR",
    "METHOD:REPLY",
    "PRODID:Microsoft Exchange Server 2010",
    "VERSION:2.0",
    "BEGIN:VTIMEZONE",
    "TZID:W. Europe Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    "ORGANIZER;CN=Tandem Mentoring:mailto:mentoring@example.org",
    "ATTENDEE;PARTSTAT=TENTATIVE;CN=Bram de Vries:mailto:Bram.deVries@contoso.com",
    "COMMENT;LANGUAGE=nl-NL:Ik kom misschien iets later\\, sorry! Ik heb tot 16:00 een overleg\\; daarna ben ik vrij.\\n",
    "SUMMARY;LANGUAGE=nl-NL:Tentative: Mentoring: Ana & Bram",
    "DTSTART;TZID=W. Europe Standard Time:20260310T160000",
    "DTEND;TZID=W. Europe Standard Time:20260310T170000",
    "UID:" + UID,
    "CLASS:PUBLIC",
    "PRIORITY:5",
    "DTSTAMP:20260302T101500Z",
    "TRANSP:OPAQUE",
    "STATUS:CONFIRMED",
    "SEQUENCE:1",
    "LOCATION;LANGUAGE=nl-NL:Room 4.12 (Kepler)",
    "X-MICROSOFT-CDO-APPT-SEQUENCE:1",
    "X-MICROSOFT-CDO-OWNERAPPTID:-1",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
    "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
    "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
    "X-MICROSOFT-CDO-IMPORTANCE:1",
    "X-MICROSOFT-CDO-INSTTYPE:0",
    "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
    "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
    "X-MICROSOFT-REQUESTEDATTENDANCEMODE:DEFAULT",
    "X-MICROSOFT-ISRESPONSE:TRUE",
    "X-MS-OLK-CONFTYPE:0",
    'X-MS-OLK-SENDER;CN="Bram de Vries":mailto:Bram.deVries@contoso.com',
    "END:VEVENT",
    "END:VCALENDAR",
]
outlook = ics(outlook_lines)

apple = ics([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Apple Inc.//macOS 14.4//EN",
    "METHOD:REPLY",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    'ATTENDEE;CN="Chloé Martin";CUTYPE=INDIVIDUAL;EMAIL="chloe.martin@icloud.com";PARTSTAT=DECLINED;X-RESPONSE-COMMENT="Désolée, je suis en déplacement ce jour-là 🚆":mailto:chloe.martin@icloud.com',
    "DTEND:20260310T160000Z",
    "DTSTAMP:20260302T113045Z",
    "DTSTART:20260310T150000Z",
    "LAST-MODIFIED:20260302T113044Z",
    "ORGANIZER;CN=Tandem Mentoring:mailto:mentoring@example.org",
    "REQUEST-STATUS:2.0;Success",
    "SEQUENCE:2",
    "SUMMARY:Mentoring: Ana & Bram",
    "UID:" + UID,
    "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
    "END:VEVENT",
    "END:VCALENDAR",
])

request = ics([
    "BEGIN:VCALENDAR",
    "PRODID:-//Tandem//Tandem 1.0//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:REQUEST",
    "BEGIN:VEVENT",
    "UID:" + UID,
    "SEQUENCE:1",
    "DTSTAMP:20260301T120000Z",
    "DTSTART:20260310T150000Z",
    "DTEND:20260310T160000Z",
    "SUMMARY:Mentoring: Ana & Bram",
    "ORGANIZER;CN=Tandem Mentoring:mailto:mentoring@example.org",
    "ATTENDEE;CN=Ana López;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ana.lopez@gmail.com",
    "END:VEVENT",
    "END:VCALENDAR",
])


def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\r\n"


def qp(data):
    return quopri.encodestring(data.replace(b"\r\n", b"\n")).decode().replace("\n", "\r\n")


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


google_eml = crlf("""Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])
MIME-Version: 1.0
From: =?UTF-8?Q?Ana_L=C3=B3pez?= <ana.lopez@gmail.com>
Date: Mon, 02 Mar 2026 09:15:12 +0000
Message-ID: <000000000000a1b2c3d4e5f60708@google.com>
Subject: Accepted: Mentoring: Ana & Bram @ Tue 10 Mar 2026 16:00 - 17:00 (CET)
To: mentoring@example.org
Content-Type: multipart/mixed; boundary="000000000000f1e2d3c4b5a69788"

--000000000000f1e2d3c4b5a69788
Content-Type: multipart/alternative; boundary="000000000000f1e2d3c4b5a69787"

--000000000000f1e2d3c4b5a69787
Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes
Content-Transfer-Encoding: base64

""") + crlf(b64("Ana López has accepted this invitation.\n\nMentoring: Ana & Bram\n".encode())) + crlf("""
--000000000000f1e2d3c4b5a69787
Content-Type: text/calendar; charset="UTF-8"; method=REPLY
Content-Transfer-Encoding: base64

""") + crlf(b64(google)) + crlf("""
--000000000000f1e2d3c4b5a69787--

--000000000000f1e2d3c4b5a69788
Content-Type: application/ics; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

""") + crlf(b64(google)) + crlf("""--000000000000f1e2d3c4b5a69788--
""")

outlook_eml = crlf("""From: Bram de Vries <Bram.deVries@contoso.com>
To: Tandem Mentoring <mentoring@example.org>
Subject: Tentative: Mentoring: Ana & Bram
Thread-Topic: Mentoring: Ana & Bram
Date: Mon, 2 Mar 2026 10:15:00 +0000
Message-ID: <AM0PR07MB1234567890ABCDEF@AM0PR07MB1234.eurprd07.prod.outlook.com>
Accept-Language: nl-NL, en-US
Content-Language: nl-NL
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Type: multipart/alternative;
\tboundary="_000_AM0PR07MB1234567890ABCDEF_"
MIME-Version: 1.0

--_000_AM0PR07MB1234567890ABCDEF_
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

Ik kom misschien iets later, sorry!

--_000_AM0PR07MB1234567890ABCDEF_
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Ik kom misschien iets later, sorry!</p></body></html>

--_000_AM0PR07MB1234567890ABCDEF_
Content-Type: text/calendar; charset="utf-8"; method=REPLY
Content-Transfer-Encoding: base64

""") + crlf(b64(outlook)) + crlf("""
--_000_AM0PR07MB1234567890ABCDEF_--
""")

apple_eml = crlf("""From: =?utf-8?Q?Chlo=C3=A9_Martin?= <chloe.martin@icloud.com>
Content-Type: multipart/mixed;
\tboundary="Apple-Mail=_5B0D1E4A-2F3C-4D5E-8F90-A1B2C3D4E5F6"
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.500.171.1.1\\))
Subject: =?utf-8?Q?Invitation_refus=C3=A9e=C2=A0=3A_Mentoring=3A_Ana_=26_Bram?=
Date: Mon, 2 Mar 2026 12:30:45 +0100
Message-Id: <8A7B6C5D-4E3F-4A2B-9C1D-0E1F2A3B4C5D@icloud.com>
To: mentoring@example.org

--Apple-Mail=_5B0D1E4A-2F3C-4D5E-8F90-A1B2C3D4E5F6
Content-Type: multipart/alternative;
\tboundary="Apple-Mail=_11111111-2222-3333-4444-555555555555"

--Apple-Mail=_11111111-2222-3333-4444-555555555555
Content-Transfer-Encoding: quoted-printable
Content-Type: text/plain;
\tcharset=utf-8

Chlo=C3=A9 Martin a refus=C3=A9 l=E2=80=99invitation.

--Apple-Mail=_11111111-2222-3333-4444-555555555555--

--Apple-Mail=_5B0D1E4A-2F3C-4D5E-8F90-A1B2C3D4E5F6
Content-Disposition: attachment;
\tfilename=iCal-20260302-123045.ics
Content-Type: text/calendar;
\tx-unix-mode=0644;
\tname="iCal-20260302-123045.ics";
\tmethod=REPLY;
\tcharset=utf-8
Content-Transfer-Encoding: quoted-printable

""") + crlf(qp(apple)) + crlf("""
--Apple-Mail=_5B0D1E4A-2F3C-4D5E-8F90-A1B2C3D4E5F6--
""")

forwarded_eml = crlf("""From: Someone Else <helper@example.org>
To: mentoring@example.org
Subject: Fwd: Tentative: Mentoring: Ana & Bram
Date: Mon, 2 Mar 2026 14:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="fwd-outer"

--fwd-outer
Content-Type: text/plain; charset=utf-8

See the reply below.

--fwd-outer
Content-Type: message/rfc822
Content-Disposition: attachment; filename="Tentative.eml"

""") + outlook_eml + crlf("""
--fwd-outer--
""")

request_eml = crlf("""From: Tandem Mentoring <mentoring@example.org>
To: ana.lopez@gmail.com
Subject: Invitation: Mentoring: Ana & Bram
Date: Sun, 1 Mar 2026 12:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="req"

--req
Content-Type: text/plain; charset=utf-8

You are invited.

--req
Content-Type: text/calendar; charset=utf-8; method=REQUEST
Content-Transfer-Encoding: base64

""") + crlf(b64(request)) + crlf("""
--req--
""")

# The Outlook reply in windows-1252 (â, ë, an en dash), quoted-printable, single part.
cp1252 = outlook.decode("utf-8").replace("Bram de Vries", "Br\u00e2m de Vri\u00ebs").replace(
    "daarna ben ik vrij.", "daarna ben ik vrij \u2013 groet\u00ebn!").encode("cp1252")
cp1252_eml = crlf("""From: Bram de Vries <Bram.deVries@contoso.com>
To: mentoring@example.org
Subject: Tentative
Date: Mon, 2 Mar 2026 10:15:00 +0000
MIME-Version: 1.0
Content-Type: text/calendar; charset="windows-1252"; method=REPLY
Content-Transfer-Encoding: quoted-printable

""") + quopri.encodestring(cp1252.replace(b"\r\n", b"\n")).replace(b"\n", b"\r\n")

for name, data in [
    ("google_accepted.ics", google), ("outlook_tentative.ics", outlook),
    ("apple_declined.ics", apple), ("request.ics", request),
    ("google_accepted.eml", google_eml), ("outlook_tentative.eml", outlook_eml),
    ("apple_declined.eml", apple_eml), ("forwarded.eml", forwarded_eml),
    ("request.eml", request_eml), ("outlook_cp1252.eml", cp1252_eml),
]:
    with open(name, "wb") as fh:
        fh.write(data)
