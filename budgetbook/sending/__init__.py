"""Send committee packs by e-mail, safely: address book, messages, SMTP, dry-run outbox, send log.

Contract with the pack builder (`budgetbook packs`)
---------------------------------------------------
A packs folder holds one workbook per committee, named `<short name>.xlsx` (`ØU.xlsx`,
`UBU.xlsx`, `USSÆ.xlsx`: non-ASCII names are normal), and a manifest `packs.json`, UTF-8:

    {"budget_year": "2024",
     "created": "2024-03-15T10:00:00+01:00",
     "packs": [{"udvalg": "ØU", "file": "ØU.xlsx", "sha256": "<hex of the file's bytes>",
                "errors": 0, "warnings": 2}]}

- `udvalg` is the committee's short name; it matches `short` in committees.toml (compared in NFC).
- `file` is a plain file name inside the folder; `sha256` is of the file exactly as written. A file
  whose checksum differs from the manifest is not sent (rebuild the packs).
- `errors`/`warnings` are the validation findings of that pack; `errors > 0` blocks sending
  unless `force=True`, and then the mail says so in subject and body.
- An unchanged pack must be rebuilt byte for byte (fixed document timestamps), or every rebuild
  counts as a change and is mailed again.
- The sender adds `send-log.jsonl` (and its lock, `.send-log.jsonl.lock`) to the folder; the builder leaves them alone
  when it rebuilds, so the log survives and only changed packs are sent again.

Entry point: `send_packs(packs_dir, config_path, *, dry_run=False, force=False, outbox=None,
env=os.environ, resend=()) -> SendReport`; `print(report)` gives one line per pack and a summary,
`report.exit_code` is 0 when everything was sent, written or already delivered.

Modules: committees (address book), packs (manifest), messages (composing), smtp (transport),
outbox (dry run), log (send log), report (outcomes), send (orchestration).
"""

from budgetbook.sending.report import Outcome, SendReport, Status
from budgetbook.sending.send import send_packs

__all__ = ["Outcome", "SendReport", "Status", "send_packs"]
