#!/usr/bin/env python3
# Reads back the workbooks of `pecan-cli report --all` with openpyxl, as a
# spreadsheet would: on a database of many clients, each workbook states
# its client's PEC earned and credit to the cent, has the expected sheets
# and a chart, and holds no trace of any other client anywhere in the file.
#
# Usage: check-report.py PECAN-CLI DATA-DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

try:
    import openpyxl
except ImportError:
    print("1..0 # SKIP python3-openpyxl is not installed")
    sys.exit(0)

CLI, DATA = sys.argv[1], sys.argv[2]
SHARE = 0.40
PERIOD = "2026-01:2026-03"
SHEETS = ["Summary", "By month", "By subscription", "By service"]

# One test point per workbook, and a few for the run: (name, failures).
results = []


def check(condition, what):
    if not condition:
        results[-1][1].append(what)


def cli(db, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    done = subprocess.run([CLI, "--database", db, *args], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout


def cell_below(sheet, label):
    """The value in column B of the row whose column A is @label."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return row[0].row
    return None


def main():
    with tempfile.TemporaryDirectory(prefix="pecan-report-") as tmp:
        db = os.path.join(tmp, "pecan.db")
        demo = os.path.join(tmp, "demo.csv")
        out = os.path.join(tmp, "reports")
        cli(db, "demo", "--out", demo, "--customers", "12", "--months", "2026-01:2026-03",
            "--seed", "5")
        cli(db, "import", demo)
        cli(db, "import", os.path.join(DATA, "daily-small.csv"))
        lines = cli(db, "report", "--period", PERIOD, "--all", "--share", "40",
                    "--out", out).splitlines()

        customers = json.loads(cli(db, "summary", "--by", "customer", "--period", PERIOD,
                                   "--json"))
        subscriptions = json.loads(cli(db, "summary", "--by", "subscription", "--period",
                                       PERIOD, "--json"))
        clients = {}
        for row in customers:
            c = clients.setdefault(row["customer_id"], {"name": row["customer_name"],
                                                        "money": {}, "subscriptions": set()})
            c["money"][row["currency"]] = row
        for row in subscriptions:
            clients[row["customer_id"]]["subscriptions"].add(row["subscription_id"])
        with sqlite3.connect(db) as con:
            for tenant, domain in con.execute("SELECT tenant_id, domain FROM customer"):
                if tenant in clients:
                    clients[tenant]["domain"] = domain

        books = sorted(f for f in os.listdir(out) if f.endswith(".xlsx"))
        results.append(("one workbook per client", []))
        check(len(books) == len(clients) == len(lines),
              f"{len(books)} workbooks for {len(clients)} clients, {len(lines)} lines")
        check(len(clients) == 14, f"14 clients, not {len(clients)}")

        seen = set()
        for name in books:
            results.append((name, []))
            path = os.path.join(out, name)
            book = openpyxl.load_workbook(path)
            check(book.sheetnames == SHEETS, f"{name}: sheets {book.sheetnames}")
            summary = book["Summary"]
            tenant = summary.cell(cell_below(summary, "Tenant ID"), 2).value
            check(tenant in clients, f"{name}: tenant {tenant} is a client")
            if tenant not in clients:
                continue
            seen.add(tenant)
            client = clients[tenant]
            domain = summary.cell(cell_below(summary, "Tenant domain"), 2).value

            # One column per currency, each with its own figures.
            header = cell_below(summary, "Billing currency")
            currencies = []
            col = 2
            while summary.cell(header, col).value:
                currencies.append(summary.cell(header, col).value)
                col += 1
            check(sorted(currencies) == sorted(client["money"]),
                  f"{name}: currencies {currencies}")
            for i, currency in enumerate(currencies):
                want = client["money"].get(currency)
                if want is None:
                    continue
                value = {label: summary.cell(header + k + 1, 2 + i).value
                         for k, label in enumerate(["list", "earned", "share", "credit"])}
                check(round(value["earned"], 2) == round(want["pec_earned"], 2),
                      f"{name} {currency}: earned {value['earned']} != {want['pec_earned']}")
                check(round(value["credit"], 2) == round(want["pec_earned"] * SHARE, 2),
                      f"{name} {currency}: credit {value['credit']}")
                check(value["share"] == SHARE, f"{name}: share {value['share']}")
                check(round(value["list"], 2) == round(want["billed"] + want["pec_earned"], 2),
                      f"{name} {currency}: consumption at list {value['list']}")
                number_format = summary.cell(header + 1, 2 + i).number_format
                check(currency in number_format, f"{name}: format {number_format}")

                # The months add up to the total, in that currency alone.
                months = book["By month"]
                earned = sum(r[3].value for r in months.iter_rows(min_row=5)
                             if r[1].value == currency and r[0].value not in (None, "Total"))
                check(abs(earned - want["pec_earned"]) < 0.005,
                      f"{name} {currency}: months sum to {earned}")

            check(book["By month"].freeze_panes == "A5", f"{name}: frozen headings")
            check(book["By month"].auto_filter.ref is not None, f"{name}: autofilter")
            check(book.properties.subject == "Partner Earned Credit statement",
                  f"{name}: subject")

            # Nothing of any other client, in any part of the file.
            with zipfile.ZipFile(path) as z:
                check("xl/charts/chart1.xml" in z.namelist(), f"{name}: a chart")
                text = "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
            check(tenant in text and domain in text, f"{name}: names its client")
            for other, data in clients.items():
                if other == tenant:
                    continue
                marks = {other, data["domain"]} | data["subscriptions"]
                # A name that is part of this client's own is no trace.
                if data["name"] not in client["name"]:
                    marks |= {data["name"], escape(data["name"])}
                for mark in marks:
                    check(mark not in text, f"{name}: no {mark!r} of another client")
        results.append(("every client has its own workbook", []))
        check(seen == set(clients), f"clients without a workbook: {set(clients) - seen}")

    print(f"1..{len(results)}")
    for n, (what, failures) in enumerate(results, 1):
        print(f"{'not ok' if failures else 'ok'} {n} {what}")
        for failure in failures:
            print(f"# {failure}")
    return 1 if any(failures for _, failures in results) else 0


sys.exit(main())
