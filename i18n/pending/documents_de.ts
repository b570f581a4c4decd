<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BillingProfileDialog</name>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="30"/>
        <source>Billing profile</source>
        <translation>Rechnungsprofil</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="33"/>
        <source>What {account}&apos;s new invoices print as the buyer. Invoices already issued keep the details they were issued with.</source>
        <translation>Was neue Rechnungen von {account} als Käufer angeben. Bereits ausgestellte Rechnungen behalten die Angaben, mit denen sie ausgestellt wurden.</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="39"/>
        <source>Leave empty when you buy as a person</source>
        <translation>Leer lassen, wenn Sie als Privatperson kaufen</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="41"/>
        <source>Street, postcode and town: one line each</source>
        <translation>Straße, Postleitzahl und Ort: je eine Zeile</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="44"/>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="48"/>
        <source>VAT or tax number, e.g. DE123456789</source>
        <translation>USt-IdNr. oder Steuernummer, z. B. DE123456789</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="49"/>
        <source>Company:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="50"/>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="51"/>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="52"/>
        <source>Tax ID:</source>
        <translation>Steuernummer:</translation>
    </message>
    <message>
        <location filename="../../app/views/billing_profile_dialog.py" line="83"/>
        <source>Offline: saving the billing profile needs a connection to the panel.</source>
        <translation>Offline: Zum Speichern des Rechnungsprofils wird eine Verbindung zum Panel benötigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/billing_profile_dialog.py" line="101"/>
        <source>The address can have at most %n line(s).</source>
        <translation>
            <numerusform>Die Adresse darf höchstens %n Zeile haben.</numerusform>
            <numerusform>Die Adresse darf höchstens %n Zeilen haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/billing_profile_dialog.py" line="104"/>
        <source>An address line can have at most %n character(s).</source>
        <translation>
            <numerusform>Eine Adresszeile darf höchstens %n Zeichen haben.</numerusform>
            <numerusform>Eine Adresszeile darf höchstens %n Zeichen haben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BillingProfileFeature</name>
    <message>
        <location filename="../../app/features/billing_profile.py" line="25"/>
        <source>Add an account first: the billing profile is kept by its panel.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu: Das Rechnungsprofil wird von dessen Panel gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/features/billing_profile.py" line="63"/>
        <source>Billing profile saved: new invoices will print it.</source>
        <translation>Rechnungsprofil gespeichert: Neue Rechnungen geben es an.</translation>
    </message>
</context>
<context>
    <name>InvoiceDocument</name>
    <message>
        <location filename="../../app/views/invoice_document.py" line="58"/>
        <source>Tax ID: {tax_id}</source>
        <translation>Steuernummer: {tax_id}</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="67"/>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="76"/>
        <source>Bill to</source>
        <translation>Rechnungsempfänger</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="82"/>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="85"/>
        <source>Discount ({code})</source>
        <translation>Rabatt ({code})</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="86"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="91"/>
        <source>Tax {rate} (included)</source>
        <translation>Steuer {rate} (enthalten)</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="92"/>
        <source>Tax {rate} (added)</source>
        <translation>Steuer {rate} (zuzüglich)</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="95"/>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="96"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="98"/>
        <source>Credits applied</source>
        <translation>Angerechnetes Guthaben</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="99"/>
        <source>Amount paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="100"/>
        <source>Balance due</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="107"/>
        <source>No payments.</source>
        <translation>Keine Zahlungen.</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="114"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="114"/>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="115"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="115"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="116"/>
        <location filename="../../app/views/invoice_document.py" line="143"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="136"/>
        <source>Issued {date}</source>
        <translation>Ausgestellt am {date}</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="137"/>
        <source>Due {date}</source>
        <translation>Fällig am {date}</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="139"/>
        <source>Paid {date}</source>
        <translation>Bezahlt am {date}</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="141"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="141"/>
        <source>Cycle</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="142"/>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="142"/>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="144"/>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="145"/>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="146"/>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_document.py" line="147"/>
        <source>Payment history</source>
        <translation>Zahlungsverlauf</translation>
    </message>
</context>
<context>
    <name>InvoicePage</name>
    <message>
        <location filename="../../app/views/invoice_page.py" line="95"/>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_page.py" line="227"/>
        <source>Print invoice</source>
        <translation>Rechnung drucken</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_page.py" line="236"/>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
</context>
<context>
    <name>InvoicePages</name>
    <message>
        <location filename="../../app/features/invoices.py" line="98"/>
        <source>The PDF could not be saved: {reason}</source>
        <translation>Das PDF konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/features/invoices.py" line="102"/>
        <source>Saved {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
    <message>
        <location filename="../../app/features/invoices.py" line="113"/>
        <source>The invoice could not be printed: {reason}</source>
        <translation>Die Rechnung konnte nicht gedruckt werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/features/invoices.py" line="117"/>
        <source>Sent to the printer.</source>
        <translation>An den Drucker gesendet.</translation>
    </message>
</context>
<context>
    <name>InvoicePdf</name>
    <message>
        <location filename="../../app/views/invoice_pdf.py" line="45"/>
        <source>The printer or file could not be opened.</source>
        <translation>Der Drucker oder die Datei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_pdf.py" line="76"/>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <location filename="../../app/views/invoice_pdf.py" line="92"/>
        <source>Could not write {path}.</source>
        <translation>{path} konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <location filename="../../app/views/menus.py" line="71"/>
        <source>&amp;Billing profile…</source>
        <translation>&amp;Rechnungsprofil…</translation>
    </message>
    <message>
        <location filename="../../app/views/menus.py" line="119"/>
        <source>Nothing to print here: open an invoice to print it.</source>
        <translation>Hier gibt es nichts zu drucken: Öffnen Sie eine Rechnung, um sie zu drucken.</translation>
    </message>
</context>
</TS>
