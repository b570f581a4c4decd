<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ExportButton</name>
    <message>
        <location filename="../../app/views/exports.py" line="48"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="49"/>
        <source>Export what the list shows, for your bookkeeping (Ctrl+E)</source>
        <translation>Exportieren, was die Liste zeigt, für Ihre Buchhaltung (Strg+E)</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="52"/>
        <source>Invoices as CSV or XLSX…</source>
        <translation>Rechnungen als CSV oder XLSX…</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="53"/>
        <source>Payments of these invoices…</source>
        <translation>Zahlungen dieser Rechnungen…</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="54"/>
        <source>Credit transactions as CSV or XLSX…</source>
        <translation>Guthabenbewegungen als CSV oder XLSX…</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="55"/>
        <source>Save all PDFs…</source>
        <translation>Alle PDFs speichern…</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../app/exports/columns.py" line="25"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="26"/>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="27"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="32"/>
        <location filename="../../app/exports/columns.py" line="51"/>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="33"/>
        <location filename="../../app/exports/columns.py" line="52"/>
        <location filename="../../app/exports/columns.py" line="67"/>
        <source>Invoice ID</source>
        <translation>Rechnungs-ID</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="34"/>
        <location filename="../../app/exports/columns.py" line="56"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="35"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="36"/>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="37"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="38"/>
        <source>Paid at</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="39"/>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="40"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="41"/>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="42"/>
        <location filename="../../app/exports/columns.py" line="80"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="43"/>
        <source>Credits applied</source>
        <translation>Angerechnetes Guthaben</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="44"/>
        <source>Amount paid</source>
        <translation>Bezahlter Betrag</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="45"/>
        <source>Balance due</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="53"/>
        <source>Payment ID</source>
        <translation>Zahlungs-ID</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="54"/>
        <location filename="../../app/exports/columns.py" line="64"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="55"/>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="57"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="58"/>
        <location filename="../../app/exports/columns.py" line="69"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="65"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="66"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="68"/>
        <source>Transaction ID</source>
        <translation>Buchungs-ID</translation>
    </message>
    <message>
        <location filename="../../app/exports/columns.py" line="71"/>
        <source>Balance after</source>
        <translation>Saldo danach</translation>
    </message>
    <message>
        <location filename="../../app/exports/writers.py" line="38"/>
        <source>The disk is full: {path} could not be written.</source>
        <translation>Der Datenträger ist voll: {path} konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../app/exports/writers.py" line="40"/>
        <source>Sett may not write to {folder}: choose another folder.</source>
        <translation>Sett darf nicht in {folder} schreiben: Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../app/exports/writers.py" line="43"/>
        <location filename="../../app/features/exports.py" line="168"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../app/exports/writers.py" line="44"/>
        <source>{path} could not be written: {reason}.</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/exports/writers.py" line="107"/>
        <location filename="../../app/views/exports.py" line="67"/>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <location filename="../../app/exports/writers.py" line="107"/>
        <location filename="../../app/views/exports.py" line="67"/>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <location filename="../../app/exports/writers.py" line="108"/>
        <location filename="../../app/views/exports.py" line="68"/>
        <source>Credit transactions</source>
        <translation>Guthabenbewegungen</translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="117"/>
        <source>Nothing to export: the list shows no rows.</source>
        <translation>Nichts zu exportieren: Die Liste zeigt keine Zeilen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/features/exports.py" line="136"/>
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>%n Zeile nach {path} exportiert</numerusform>
            <numerusform>%n Zeilen nach {path} exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/features/exports.py" line="138"/>
        <source>%n invoice(s) have no payments in the file: their details were never downloaded (open them once while online).</source>
        <translation>
            <numerusform>%n Rechnung hat keine Zahlungen in der Datei: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
            <numerusform>%n Rechnungen haben keine Zahlungen in der Datei: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="143"/>
        <source>The export could not be written: {reason}</source>
        <translation>Der Export konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="145"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="154"/>
        <source>Add an account first: there are no invoices to save.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu: Es gibt keine Rechnungen zu speichern.</translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="172"/>
        <source>The saved invoices could not be read: {reason}</source>
        <translation>Die gespeicherten Rechnungen konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="179"/>
        <source>No invoice of the period can be saved as a PDF.</source>
        <translation>Keine Rechnung des Zeitraums kann als PDF gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/features/exports.py" line="182"/>
        <source>%n invoice(s) skipped: their details were never downloaded.</source>
        <translation>
            <numerusform>%n Rechnung übersprungen: Ihre Details wurden nie heruntergeladen.</numerusform>
            <numerusform>%n Rechnungen übersprungen: Ihre Details wurden nie heruntergeladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/features/exports.py" line="192"/>
        <source>Saved %n PDF(s) in {folder}.</source>
        <translation>
            <numerusform>%n PDF in {folder} gespeichert.</numerusform>
            <numerusform>%n PDFs in {folder} gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/features/exports.py" line="194"/>
        <source>%n invoice(s) skipped: their details were never downloaded (open them once while online).</source>
        <translation>
            <numerusform>%n Rechnung übersprungen: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
            <numerusform>%n Rechnungen übersprungen: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="197"/>
        <source>Cancelled before the end.</source>
        <translation>Vor dem Ende abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="199"/>
        <source>Stopped: {reason}</source>
        <translation>Angehalten: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/features/exports.py" line="250"/>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="74"/>
        <source>CSV, for any program (*.csv)</source>
        <translation>CSV, für jedes Programm (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="75"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="76"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="148"/>
        <source>Saving PDFs…</source>
        <translation>PDFs werden gespeichert…</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="148"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="150"/>
        <source>Save all PDFs</source>
        <translation>Alle PDFs speichern</translation>
    </message>
</context>
<context>
    <name>PdfBatchDialog</name>
    <message>
        <location filename="../../app/views/exports.py" line="96"/>
        <source>Save all PDFs</source>
        <translation>Alle PDFs speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="102"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="107"/>
        <source>every account&apos;s invoices</source>
        <translation>die Rechnungen aller Konten</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="107"/>
        <source>this account&apos;s invoices</source>
        <translation>die Rechnungen dieses Kontos</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="108"/>
        <source>One PDF per invoice issued in the period ({scope}), from the saved data. Invoices whose details were never downloaded are skipped.</source>
        <translation>Ein PDF je im Zeitraum ausgestellter Rechnung ({scope}), aus den gespeicherten Daten. Rechnungen, deren Details nie heruntergeladen wurden, werden übersprungen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="117"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="118"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="119"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../../app/views/exports.py" line="127"/>
        <source>Folder for the PDFs</source>
        <translation>Ordner für die PDFs</translation>
    </message>
</context>
</TS>
