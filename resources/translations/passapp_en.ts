<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>AccountTableModel</name>
    <message>
        <source>noch nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Konto</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Zustand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Letzte Anmeldung</source>
        <translation>Last log-in</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <source>Konten</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Konto &amp;anlegen …</source>
        <translation>&amp;Add account …</translation>
    </message>
    <message>
        <source>&amp;Deaktivieren …</source>
        <translation>&amp;Disable …</translation>
    </message>
    <message>
        <source>Wieder a&amp;ktivieren</source>
        <translation>Ena&amp;ble again</translation>
    </message>
    <message>
        <source>Neues &amp;Passwort …</source>
        <translation>New &amp;password …</translation>
    </message>
    <message>
        <source>&amp;Eigenes Passwort ändern …</source>
        <translation>Change &amp;own password …</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bildschirm &amp;sperren nach:</source>
        <translation>&amp;Lock the screen after:</translation>
    </message>
    <message>
        <source>Gilt für diesen PC: ohne Eingabe wird der Bildschirm nach so vielen Minuten gesperrt (0 = nie).</source>
        <translation>Applies to this PC: without input the screen is locked after this many minutes (0 = never).</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Minuten bis zur Bildschirmsperre</source>
        <translation>Minutes until the screen locks</translation>
    </message>
    <message>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Konto „{name}“ angelegt.</source>
        <translation>Account “{name}” added.</translation>
    </message>
    <message>
        <source>Neues Passwort für „{name}“ gesetzt.</source>
        <translation>New password set for “{name}”.</translation>
    </message>
    <message>
        <source>Konto deaktivieren</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>Konto „{name}“ deaktivieren? Es kann sich danach nicht mehr anmelden; was es erfasst hat, bleibt.</source>
        <translation>Disable account “{name}”? It can no longer log in; what it recorded stays.</translation>
    </message>
    <message>
        <source>Deaktivieren</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>Konto „{name}“ deaktiviert.</source>
        <translation>Account “{name}” disabled.</translation>
    </message>
    <message>
        <source>Konto „{name}“ ist wieder aktiv, aber nach falschen Passwörtern gesperrt: bitte ein neues Passwort setzen.</source>
        <translation>Account “{name}” is active again, but locked after wrong passwords: please set a new password.</translation>
    </message>
    <message>
        <source>Konto „{name}“ ist wieder aktiv.</source>
        <translation>Account “{name}” is active again.</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Konto anlegen</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Kontoname</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>&amp;Kontoname:</source>
        <translation>Account &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Erstes Admin-Konto</source>
        <translation>First admin account</translation>
    </message>
    <message>
        <source>Mit diesem Konto melden Sie sich an und legen danach die Konten der Sachbearbeitung an. Das Passwort schützt auch den Schlüssel der Dienststelle: Geht es verloren und gibt es kein zweites Admin-Konto, muss das Landratsamt die Dienststelle neu anmelden.</source>
        <translation>With this account you log in and then add the clerks&apos; accounts. The password also protects the office&apos;s key: if it is lost and there is no second admin account, the district office has to enrol the office again.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>z. B. admin oder vorname.nachname</source>
        <translation>e.g. admin or firstname.lastname</translation>
    </message>
    <message>
        <source>Kontoname</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Passwort wiederholen</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>Mindestens {count} Zeichen; ein Satz ist gut zu merken. Nicht der Kontoname.</source>
        <translation>At least {count} characters; a sentence is easy to remember. Not the account name.</translation>
    </message>
    <message>
        <source>Hinweis zum Passwort</source>
        <translation>Note on the password</translation>
    </message>
    <message>
        <source>&amp;Kontoname:</source>
        <translation>&amp;Account name:</translation>
    </message>
    <message>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Passwort &amp;wiederholen:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Einrichten</source>
        <translation>Set up</translation>
    </message>
    <message>
        <source>&amp;Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Einrichtung abbrechen</source>
        <translation>Cancel the set-up</translation>
    </message>
    <message>
        <source>Tab nächstes Feld · Enter einrichten · Alt+Z zurück · Esc abbrechen</source>
        <translation>Tab next field · Enter set up · Alt+Z back · Esc cancel</translation>
    </message>
</context>
<context>
    <name>AuditEventTableModel</name>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Objekt</source>
        <translation>Object</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>Protokoll prüfen</source>
        <translation>Check audit log</translation>
    </message>
    <message>
        <source>Ergebnis der Prüfung</source>
        <translation>Result of the check</translation>
    </message>
    <message>
        <source>Letzte Einträge des Protokolls</source>
        <translation>Newest audit log events</translation>
    </message>
    <message>
        <source>Prüfung läuft …</source>
        <translation>Checking …</translation>
    </message>
    <message>
        <source>Prüfung nicht möglich: {reason}</source>
        <translation>Cannot check: {reason}</translation>
    </message>
    <message>
        <source>Protokoll intakt: noch keine Einträge.</source>
        <translation>Audit log intact: no events yet.</translation>
    </message>
    <message>
        <source>Protokoll intakt: {count} Einträge, letzter am {when}.</source>
        <translation>Audit log intact: {count} events, the last on {when}.</translation>
    </message>
    <message>
        <source>Protokoll verändert: Eintrag Nr. {first} gelöscht (vor Eintrag {event}).</source>
        <translation>Audit log tampered with: event no. {first} deleted (before event {event}).</translation>
    </message>
    <message>
        <source>Protokoll verändert: Einträge Nr. {first} bis {last} gelöscht (vor Eintrag {event}).</source>
        <translation>Audit log tampered with: events no. {first} to {last} deleted (before event {event}).</translation>
    </message>
    <message>
        <source>Protokoll verändert: Eintrag {event} steht an falscher Stelle (gehört hinter Nr. {seq}).</source>
        <translation>Audit log tampered with: event {event} is out of place (belongs after no. {seq}).</translation>
    </message>
    <message>
        <source>Protokoll verändert: Eintrag {event} wurde eingefügt.</source>
        <translation>Audit log tampered with: event {event} was inserted.</translation>
    </message>
    <message>
        <source>Protokoll verändert: Eintrag {event} wurde geändert.</source>
        <translation>Audit log tampered with: event {event} was changed.</translation>
    </message>
    <message>
        <source>Nr. {seq} vom {when} ({action}, {object}, von {actor})</source>
        <translation>no. {seq} of {when} ({action}, {object}, by {actor})</translation>
    </message>
</context>
<context>
    <name>AutomaticBackups</name>
    <message>
        <source>Datensicherung läuft … bitte warten.</source>
        <translation>Backup running … please wait.</translation>
    </message>
    <message>
        <source>Datensicherung gespeichert: {name}</source>
        <translation>Backup saved: {name}</translation>
    </message>
    <message>
        <source>Datensicherung fehlgeschlagen: {reason}</source>
        <translation>Backup failed: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Datensicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Sicherungsordner</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Ordner &amp;wählen …</source>
        <translation>&amp;Choose folder …</translation>
    </message>
    <message>
        <source> Tage</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Aufbewahren</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>&amp;Ordner:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>&amp;Aufbewahren:</source>
        <translation>&amp;Keep:</translation>
    </message>
    <message>
        <source>Vorhandene Sicherungen</source>
        <translation>Existing backups</translation>
    </message>
    <message>
        <source>&amp;Jetzt sichern</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Wieder&amp;herstellen …</source>
        <translation>&amp;Restore …</translation>
    </message>
    <message>
        <source>Beim Beenden und einmal täglich wird die Datenbank dieses PCs in den Ordner gesichert; ältere Sicherungen werden gelöscht, die neueste nie.</source>
        <translation>When the app closes and once a day, this PC&apos;s database is backed up into the folder; older backups are deleted, never the newest.</translation>
    </message>
    <message>
        <source>Vorhandene Sicherungen:</source>
        <translation>Existing backups:</translation>
    </message>
    <message>
        <source>Demo: Die Beispieldaten werden weder gesichert noch durch eine Sicherung ersetzt, und die Einstellungen dieses PCs bleiben, wie sie sind.</source>
        <translation>Demo: the sample data is neither backed up nor replaced by a backup, and this PC&apos;s settings stay as they are.</translation>
    </message>
    <message>
        <source>Sicherungsordner wählen</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>{day} – {name} ({size} MB)</source>
        <translation>{day} – {name} ({size} MB)</translation>
    </message>
    <message>
        <source>Eine Datensicherung läuft schon; bitte warten.</source>
        <translation>A backup is running already; please wait.</translation>
    </message>
    <message>
        <source>Datensicherung läuft …</source>
        <translation>Backup running …</translation>
    </message>
    <message>
        <source>Gesichert: {name}</source>
        <translation>Backed up: {name}</translation>
    </message>
    <message>
        <source>Datensicherung fehlgeschlagen: {reason}</source>
        <translation>Backup failed: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupRunner</name>
    <message>
        <source>Datensicherung läuft … bitte warten.</source>
        <translation>Backup running … please wait.</translation>
    </message>
</context>
<context>
    <name>CancelEntryDialog</name>
    <message>
        <source>Eintrag stornieren</source>
        <translation>Cancel entry</translation>
    </message>
    <message>
        <source>Diesen Eintrag stornieren?</source>
        <translation>Cancel this entry?</translation>
    </message>
    <message>
        <source>Pass und Inhaber:in</source>
        <translation>Pass and holder</translation>
    </message>
    <message>
        <source>Eintrag</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Der Eintrag wird nicht gelöscht: Er bleibt im Verlauf sichtbar und wird als „storniert“ markiert. Gespeichert wird, wer wann storniert hat.</source>
        <translation>The entry is not deleted: it stays visible in the history, marked “cancelled”. Who cancelled it and when is recorded.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Stornieren</source>
        <translation>Cancel entry</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Keep entry</translation>
    </message>
    <message>
        <source>Nicht stornieren</source>
        <translation>Do not cancel</translation>
    </message>
    <message>
        <source>Enter stornieren · Esc abbrechen</source>
        <translation>Enter cancel the entry · Esc keep it</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>CancelPage</name>
    <message>
        <source>Einrichtung abbrechen?</source>
        <translation>Cancel the set-up?</translation>
    </message>
    <message>
        <source>Das Programm wird dann beendet. Gespeichert wurde noch nichts; beim nächsten Start beginnt die Einrichtung von vorn.</source>
        <translation>The program will then close. Nothing has been saved yet; the set-up starts again at the next start.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Einrichtung abbrechen und beenden</source>
        <translation>Cancel the set-up and quit</translation>
    </message>
    <message>
        <source>Weiter einrichten</source>
        <translation>Continue set-up</translation>
    </message>
    <message>
        <source>Zurück zur Einrichtung</source>
        <translation>Back to the set-up</translation>
    </message>
    <message>
        <source>Enter beenden · Esc weiter einrichten</source>
        <translation>Enter quit · Esc continue set-up</translation>
    </message>
</context>
<context>
    <name>CodePicker</name>
    <message>
        <source>{field}: Auswahl und Vorschläge</source>
        <translation>{field}: choice and suggestions</translation>
    </message>
    <message>
        <source>Nichts gefunden für „{text}“.</source>
        <translation>Nothing found for “{text}”.</translation>
    </message>
    <message>
        <source>Enter übernimmt, ↑↓ wählt:</source>
        <translation>Enter accepts, ↑↓ chooses:</translation>
    </message>
    <message>
        <source>Nicht gefunden: {words}</source>
        <translation>Not found: {words}</translation>
    </message>
</context>
<context>
    <name>CompromiseDialog</name>
    <message>
        <source>Schlüssel von {code} als kompromittiert melden</source>
        <translation>Report the key of {code} as compromised</translation>
    </message>
    <message>
        <source>Als &amp;kompromittiert melden</source>
        <translation>Report as &amp;compromised</translation>
    </message>
    <message>
        <source>Schlüssel als kompromittiert melden</source>
        <translation>Report a key as compromised</translation>
    </message>
    <message>
        <source>Pässe, die der Schlüssel ab dem gewählten Zeitpunkt signiert, werden überall abgelehnt; die Dienststelle kann erst mit einem neuen Schlüssel wieder Pässe ausstellen. Die Meldung kann nicht zurückgenommen werden.</source>
        <translation>Passes the key signs from the chosen moment on are refused everywhere; the office can issue passes again only with a new key. The report cannot be taken back.</translation>
    </message>
    <message>
        <source>Was die Meldung bewirkt</source>
        <translation>What the report does</translation>
    </message>
    <message>
        <source>Schlüssel</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Schlüssel {key} – {fingerprint}</source>
        <translation>Key {key} – {fingerprint}</translation>
    </message>
    <message>
        <source>Kompromittiert seit</source>
        <translation>Compromised since</translation>
    </message>
    <message>
        <source>Begründung</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>z. B. Laptop gestohlen, Passwort weitergegeben</source>
        <translation>e.g. laptop stolen, password passed on</translation>
    </message>
    <message>
        <source>&amp;Schlüssel:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <source>Sei&amp;t:</source>
        <translation>&amp;Since:</translation>
    </message>
    <message>
        <source>&amp;Begründung:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Ja: Schlüssel {key} der Dienststelle {code} – {name} ist ab {since} kompromittiert.</source>
        <translation>&amp;Yes: key {key} of the office {code} – {name} is compromised from {since}.</translation>
    </message>
    <message>
        <source>Bitte kurz begründen, warum der Schlüssel verloren ist.</source>
        <translation>Please say briefly why the key is lost.</translation>
    </message>
</context>
<context>
    <name>ConfirmingDialog</name>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wird ausgeführt …</source>
        <translation>Working …</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Weiter zum Admin-Konto</source>
        <translation>On to the admin account</translation>
    </message>
    <message>
        <source>&amp;Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Zurück zur Auswahl</source>
        <translation>Back to the choice</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Einrichtung abbrechen</source>
        <translation>Cancel the set-up</translation>
    </message>
    <message>
        <source>Tab nächstes Feld · Enter weiter · Alt+Z zurück · Esc abbrechen</source>
        <translation>Tab next field · Enter next · Alt+Z back · Esc cancel</translation>
    </message>
</context>
<context>
    <name>DismissedPairsDialog</name>
    <message>
        <source>Als verschieden entschiedene Paare</source>
        <translation>Pairs decided to be different people</translation>
    </message>
    <message>
        <source>Eintrag 1</source>
        <translation>Record 1</translation>
    </message>
    <message>
        <source>geboren</source>
        <translation>born</translation>
    </message>
    <message>
        <source>Eintrag 2</source>
        <translation>Record 2</translation>
    </message>
    <message>
        <source>Dienststellen</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>Entschieden von</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Entschieden am</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>Stand der Liste</source>
        <translation>State of the list</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Wieder prüfen …</source>
        <translation>&amp;Check again …</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Als verschiedene Personen entschieden: {count}.</source>
        <translation>Decided to be different people: {count}.</translation>
    </message>
    <message>
        <source>Kein Paar ist als verschiedene Personen entschieden.</source>
        <translation>No pair is decided to be different people.</translation>
    </message>
    <message>
        <source>Wieder prüfen</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Die Entscheidung „verschiedene Personen“ für {first} und {second} zurücknehmen? Das Paar wird dann wieder als mögliche Doppelte gezeigt, wenn die Einträge sich weiter ähneln.</source>
        <translation>Take back the decision “different people” for {first} and {second}? The pair is then shown as possible duplicates again if the records are still alike.</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>Entscheidung zurückgenommen: das Paar wird wieder geprüft.</source>
        <translation>Decision taken back: the pair is checked again.</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <source>Landratsamt (Koordinierungsstelle) einrichten</source>
        <translation>Set up the district office (coordination office)</translation>
    </message>
    <message>
        <source>Dabei entsteht der Landkreis-Schlüssel, mit dem das Landratsamt die Dienststellen anmeldet und dem alle Dienststellen vertrauen. Er bleibt in dieser Datenbank.</source>
        <translation>This creates the district key, with which the district office enrols the offices and which all offices trust. It stays in this database.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Name des Landkreises</source>
        <translation>Name of the district</translation>
    </message>
    <message>
        <source>z. B. LRADAH</source>
        <translation>e.g. LRADAH</translation>
    </message>
    <message>
        <source>Kennung des Landratsamts</source>
        <translation>Code of the district office</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kennung:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation type="vanished">Message</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation type="vanished">Next</translation>
    </message>
    <message>
        <source>Weiter zum Admin-Konto</source>
        <translation type="vanished">On to the admin account</translation>
    </message>
    <message>
        <source>Tab nächstes Feld · Enter weiter · Alt+Z zurück · Esc abbrechen</source>
        <translation type="vanished">Tab next field · Enter next · Alt+Z back · Esc cancel</translation>
    </message>
    <message>
        <source>Einrichten</source>
        <translation type="vanished">Set up</translation>
    </message>
    <message>
        <source>Landratsamt einrichten</source>
        <translation type="vanished">Set up the district office</translation>
    </message>
    <message>
        <source>&amp;Zurück</source>
        <translation type="vanished">Back</translation>
    </message>
    <message>
        <source>Zurück zur Auswahl</source>
        <translation type="vanished">Back to the choice</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>Einrichtung abbrechen</source>
        <translation type="vanished">Cancel the set-up</translation>
    </message>
    <message>
        <source>Tab nächstes Feld · Enter einrichten · Alt+Z zurück · Esc abbrechen</source>
        <translation type="vanished">Tab next field · Enter set up · Alt+Z back · Esc cancel</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Beschriftung</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Fingerabdruck des Landkreis-Schlüssels</source>
        <translation>Fingerprint of the district key</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Fertig</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Einrichtung abschließen</source>
        <translation>Finish the set-up</translation>
    </message>
    <message>
        <source>Enter oder Esc fertig</source>
        <translation>Enter or Esc done</translation>
    </message>
</context>
<context>
    <name>DuplicateTableModel</name>
    <message>
        <source>kein Pass</source>
        <translation>no pass</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Passnummer</source>
        <translation>Pass number</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Anmeldung von {code}</source>
        <translation>Enrolment of {code}</translation>
    </message>
    <message>
        <source>Zertifikatspaket &amp;schreiben …</source>
        <translation>&amp;Write certificate package …</translation>
    </message>
    <message>
        <source>Anmeldung einer Dienststelle</source>
        <translation>Enrolment of an office</translation>
    </message>
    <message>
        <source>Kennung:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Art:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Gemeinde:</source>
        <translation>Municipality:</translation>
    </message>
    <message>
        <source>Fingerabdruck des Schlüssels:</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>Was die Anmeldung bewirkt</source>
        <translation>What the enrolment does</translation>
    </message>
    <message>
        <source>Die Dienststelle wurde neu installiert: den bisherigen Schlüssel stilllegen (er bleibt für schon ausgestellte Pässe gültig)</source>
        <translation>The office was re-installed: retire the previous key (it stays valid for passes already issued)</translation>
    </message>
    <message>
        <source>Fingerabdruck mit der Dienststelle am Telefon &amp;verglichen: er stimmt überein</source>
        <translation>Fingerprint &amp;compared with the office by phone: it matches</translation>
    </message>
    <message>
        <source>Neuer Schlüssel einer angemeldeten Dienststelle (vom bisherigen bestätigt). Der bisherige bleibt für seine Pässe bis zu seinem Ablauf gültig.</source>
        <translation>New key of an enrolled office (vouched for by the previous one). The previous key stays valid for its passes until it expires.</translation>
    </message>
    <message>
        <source>Achtung: Die Kennung {code} hat bereits einen gültigen Schlüssel (Fingerabdruck {fingerprints}). Eine Kennung gehört einer Dienststelle auf Dauer. Nur wenn diese Dienststelle neu installiert wurde, den Haken unten setzen.</source>
        <translation>Caution: the code {code} already has a valid key (fingerprint {fingerprints}). A code belongs to one office for good. Tick the box below only if this office was re-installed.</translation>
    </message>
    <message>
        <source>Die Dienststelle wird neu angemeldet.</source>
        <translation>The office is enrolled for the first time.</translation>
    </message>
    <message>
        <source>Zertifikatspaket speichern</source>
        <translation>Save certificate package</translation>
    </message>
    <message>
        <source>Zertifikatspakete {extensions}</source>
        <translation>Certificate packages {extensions}</translation>
    </message>
</context>
<context>
    <name>EnrolmentBanner</name>
    <message>
        <source>Noch nicht beim Landratsamt angemeldet – Pässe können erst nach dem Einspielen des Zertifikatspakets ausgestellt werden.</source>
        <translation>Not yet enrolled with the district office – passes can be issued once the certificate package has been imported.</translation>
    </message>
    <message>
        <source>Hinweis zur Anmeldung</source>
        <translation>Note on the enrolment</translation>
    </message>
    <message>
        <source>Zertifikatspaket einspielen …</source>
        <translation>Import certificate package …</translation>
    </message>
    <message>
        <source>Zertifikatspaket einspielen</source>
        <translation>Import certificate package</translation>
    </message>
    <message>
        <source>Schlüssel vom Landratsamt als kompromittiert gemeldet (ab {day}): Pässe und Pakete sind gesperrt. Verwaltung → Neuen Schlüssel beantragen …, den Antrag zum Landratsamt bringen, dann das neue Zertifikatspaket einspielen.</source>
        <translation>Key reported compromised by the district office (from {day}): passes and packages are blocked. Administration → Request a new key …, take the request to the district office, then import the new certificate package.</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Eintrag</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Neuer Eintrag</source>
        <translation>New entry</translation>
    </message>
    <message>
        <source>Eintrag korrigieren</source>
        <translation>Correct entry</translation>
    </message>
    <message>
        <source>Korrigiert wird: {entry}. Der bisherige Eintrag bleibt als „korrigiert“ im Verlauf sichtbar.</source>
        <translation>Correcting: {entry}. The earlier entry stays visible in the history, marked “corrected”.</translation>
    </message>
    <message>
        <source>– ohne Niveau (nicht bestanden) –</source>
        <translation>– no level (not passed) –</translation>
    </message>
    <message>
        <source>– ohne Niveau –</source>
        <translation>– no level –</translation>
    </message>
    <message>
        <source>Bei Prüfungen das bestandene Niveau; nicht bestanden: ohne Niveau.</source>
        <translation>For exams the level passed; not passed: no level.</translation>
    </message>
    <message>
        <source>Art: bitte die Art des Eintrags wählen.</source>
        <translation>Type: please choose the type of entry.</translation>
    </message>
    <message>
        <source>Angebot: bitte einen Treffer mit ↓/↑ und Enter übernehmen oder das Feld leeren (dann Titel und Anbieter von Hand).</source>
        <translation>Offer: please pick a match with ↓/↑ and Enter, or clear the field (then type title and provider).</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Nichts geändert: bitte korrigieren oder mit Esc schließen.</source>
        <translation>Nothing changed: please correct something or close with Esc.</translation>
    </message>
    <message>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <source>{field}: bitte ein Datum als TT.MM.JJJJ eingeben.</source>
        <translation>{field}: please enter a date as DD.MM.YYYY.</translation>
    </message>
</context>
<context>
    <name>EntryFormView</name>
    <message>
        <source>Worum es geht</source>
        <translation>What it is about</translation>
    </message>
    <message>
        <source>Art des Eintrags</source>
        <translation>Type of entry</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>Beginn oder Tag</source>
        <translation>Start or day</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Ende (freiwillig)</source>
        <translation>End (optional)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>– ohne Status –</source>
        <translation>– no status –</translation>
    </message>
    <message>
        <source>Sprachniveau</source>
        <translation>Language level</translation>
    </message>
    <message>
        <source>– ohne Niveau –</source>
        <translation>– no level –</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>wenn kein Angebot gewählt ist</source>
        <translation>if no offer is chosen</translation>
    </message>
    <message>
        <source>Anbieter</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Träger oder Stelle</source>
        <translation>Organisation or office</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>z. B. „DTZ B1 bestanden“ – bei Beratung nie den Inhalt</source>
        <translation>e.g. “DTZ B1 passed” – never the content of counselling</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Eintrag speichern</source>
        <translation>Save entry</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nicht speichern</source>
        <translation>Do not save</translation>
    </message>
    <message>
        <source>&amp;Angebot:</source>
        <translation>&amp;Offer:</translation>
    </message>
    <message>
        <source>A&amp;rt:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Beginn / Tag:</source>
        <translation>Start / &amp;day:</translation>
    </message>
    <message>
        <source>&amp;Ende:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>T&amp;itle:</translation>
    </message>
    <message>
        <source>Anb&amp;ieter:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>&amp;Niveau:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <source>Pass und Inhaber:in</source>
        <translation>Pass and holder</translation>
    </message>
    <message>
        <source>Er&amp;gebnis:</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <source>Enter speichern · Esc abbrechen · im Angebot ↓/↑ wählen, Enter übernehmen · Alt+Buchstabe springt zum Feld</source>
        <translation>Enter save · Esc cancel · in the offer ↓/↑ choose, Enter accept · Alt+letter jumps to a field</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>EntryPanel</name>
    <message>
        <source>Einträge</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Hinweis zu den Einträgen</source>
        <translation>Note on the entries</translation>
    </message>
    <message>
        <source>Neuer Eintrag …</source>
        <translation>New entry …</translation>
    </message>
    <message>
        <source>Neuer Eintrag</source>
        <translation>New entry</translation>
    </message>
    <message>
        <source>Korrigieren …</source>
        <translation>Correct …</translation>
    </message>
    <message>
        <source>Gewählten Eintrag korrigieren</source>
        <translation>Correct the selected entry</translation>
    </message>
    <message>
        <source>Stornieren …</source>
        <translation>Cancel entry …</translation>
    </message>
    <message>
        <source>Gewählten Eintrag stornieren</source>
        <translation>Cancel the selected entry</translation>
    </message>
    <message>
        <source>Strg+Umschalt+N neuer Eintrag · Strg+K korrigieren · Strg+Umschalt+S stornieren · ↓/↑ Eintrag wählen</source>
        <translation>Ctrl+Shift+N new entry · Ctrl+K correct · Ctrl+Shift+S cancel entry · ↓/↑ choose entry</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Einträge, neueste zuerst</source>
        <translation>Entries, newest first</translation>
    </message>
    <message>
        <source>Einträge zum Pass {number}</source>
        <translation>Entries for pass {number}</translation>
    </message>
    <message>
        <source>Noch keine Einträge.</source>
        <translation>No entries yet.</translation>
    </message>
    <message>
        <source>{reason} Ein neuer Eintrag macht den gescannten Pass hier bekannt.</source>
        <translation>{reason} A new entry makes the scanned pass known here.</translation>
    </message>
    <message>
        <source>Dieser Eintrag ist schon korrigiert oder storniert (oder selbst ein Storno); bitte die geltende Fassung wählen.</source>
        <translation>This entry has already been corrected or cancelled (or is itself a cancellation); please choose the current version.</translation>
    </message>
</context>
<context>
    <name>EntrySheetDialog</name>
    <message>
        <source>Eintragsblatt drucken</source>
        <translation>Print entry sheet</translation>
    </message>
    <message>
        <source>Eintragsblatt für Pass {number}</source>
        <translation>Entry sheet for pass {number}</translation>
    </message>
    <message>
        <source>Pass und Inhaber:in</source>
        <translation>Pass and holder</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fenster schließen</source>
        <translation>Close the window</translation>
    </message>
    <message>
        <source>Esc schließen</source>
        <translation>Esc close</translation>
    </message>
    <message>
        <source>{holder} · Stand {day} · wird beim Schließen verworfen; zum Aufheben „Als PDF speichern …“ wählen</source>
        <translation>{holder} · as of {day} · discarded on closing; to keep it, choose “Save as PDF …”</translation>
    </message>
    <message>
        <source>Eintragsblatt wird erstellt …</source>
        <translation>Creating the entry sheet …</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Angebot / Titel</source>
        <translation>Offer / title</translation>
    </message>
    <message>
        <source>Anbieter</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Stelle</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Vermerk</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>storniert</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>korrigiert</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>Korrektur zu {entry}</source>
        <translation>Correction of {entry}</translation>
    </message>
    <message>
        <source>Storno zu {entry}</source>
        <translation>Cancellation of {entry}</translation>
    </message>
    <message>
        <source>einem früheren Eintrag</source>
        <translation>an earlier entry</translation>
    </message>
    <message>
        <source>{kind} vom {date}</source>
        <translation>{kind}, {date}</translation>
    </message>
    <message>
        <source>Dieser Eintrag wurde storniert und gilt nicht mehr.</source>
        <translation>This entry was cancelled and no longer counts.</translation>
    </message>
    <message>
        <source>Dieser Eintrag wurde korrigiert; es gilt die neuere Fassung.</source>
        <translation>This entry was corrected; the newer version counts.</translation>
    </message>
    <message>
        <source>Korrigiert: {entry}</source>
        <translation>Corrected: {entry}</translation>
    </message>
    <message>
        <source>Storniert: {entry}</source>
        <translation>Cancelled: {entry}</translation>
    </message>
    <message>
        <source>Titel auf Deutsch: {title}</source>
        <translation>Title in German: {title}</translation>
    </message>
    <message>
        <source>Erfasst von {clerk} ({office}) am {when}</source>
        <translation>Recorded by {clerk} ({office}) on {when}</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Löschen nach Art. 17 – {name}</source>
        <translation>Erase under Art. 17 – {name}</translation>
    </message>
    <message>
        <source>Endgültig &amp;löschen</source>
        <translation>&amp;Erase for good</translation>
    </message>
    <message>
        <source>Löschen nach Art. 17 DSGVO</source>
        <translation>Erase under Art. 17 GDPR</translation>
    </message>
    <message>
        <source>Was die Löschung bewirkt</source>
        <translation>What the erasure does</translation>
    </message>
    <message>
        <source>Begründung</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>z. B. Antrag der Person vom 02.12.2026</source>
        <translation>e.g. the person&apos;s request of 02.12.2026</translation>
    </message>
    <message>
        <source>Ich habe den Antrag geprüft: {name} wird gelöscht.</source>
        <translation>I have checked the request: {name} is erased.</translation>
    </message>
    <message>
        <source>Löschung bestätigen</source>
        <translation>Confirm the erasure</translation>
    </message>
    <message>
        <source>&amp;Begründung:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>• Der gültige Pass {numbers} wird widerrufen.</source>
        <translation>• The valid pass {numbers} is revoked.</translation>
    </message>
    <message>
        <source>• Die Person hat keinen gültigen Pass.</source>
        <translation>• The person has no valid pass.</translation>
    </message>
    <message>
        <source>• Name, Tag und Monat der Geburt, Einreise und Kontakt werden hier gelöscht, beim Landratsamt und bei anderen Stellen mit dem nächsten Datenaustausch.</source>
        <translation>• Names, day and month of birth, arrival and contact are erased here, and at the district office and other sites with the next data exchange.</translation>
    </message>
    <message>
        <source>• Einträge, Geburtsjahr, Geschlecht, Staatsangehörigkeit, Sprachen, Gemeinde und das Bildungsprofil (Daten nur mit Jahr) bleiben ohne Identität für die Statistik.</source>
        <translation>• Entries, year of birth, sex, nationality, languages, municipality and the learner profile (dates to the year only) are kept without identity for statistics.</translation>
    </message>
    <message>
        <source>• Einträge, Geburtsjahr, Geschlecht, Staatsangehörigkeit, Sprachen und Gemeinde bleiben ohne Identität für die Statistik.</source>
        <translation type="vanished">• Entries, year of birth, sex, nationality, languages and municipality stay, without identity, for the statistics.</translation>
    </message>
    <message>
        <source>• Das lässt sich nicht rückgängig machen.</source>
        <translation>• This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>FigureCharts</name>
    <message>
        <source>Das Diagramm wird gezeichnet …</source>
        <translation>Drawing the chart …</translation>
    </message>
    <message>
        <source>Kein Diagramm: keine Zahl dieser Tabelle ist veröffentlicht (alle „&lt;5“ oder „•“).</source>
        <translation>No chart: no number of this table is published (all “&lt;5” or “•”).</translation>
    </message>
    <message>
        <source>Kein Diagramm ({kind}); die Zahlen stehen in der Tabelle.</source>
        <translation>No chart ({kind}); the numbers are in the table.</translation>
    </message>
</context>
<context>
    <name>FiguresScreen</name>
    <message>
        <source>Bedarfszahlen</source>
        <translation>Demand figures</translation>
    </message>
    <message>
        <source>Filter wählen und „Berechnen“ drücken.</source>
        <translation>Choose the filters and press “Compute”.</translation>
    </message>
    <message>
        <source>Veraltet: die Filter wurden geändert. „Berechnen“ zeigt die Zahlen zu den neuen Filtern; bis dahin kann nichts gespeichert werden.</source>
        <translation>Out of date: the filters were changed. “Compute” shows the figures for the new filters; until then nothing can be saved.</translation>
    </message>
    <message>
        <source>Ausgestellt von</source>
        <translation>Issued from</translation>
    </message>
    <message>
        <source>Ausgestellt bis</source>
        <translation>Issued until</translation>
    </message>
    <message>
        <source>Die Zahlen werden berechnet …</source>
        <translation>Computing the figures …</translation>
    </message>
    <message>
        <source>Keine Zahlen</source>
        <translation>No figures</translation>
    </message>
    <message>
        <source>{count} Tabellen berechnet.</source>
        <translation>{count} tables computed.</translation>
    </message>
    <message>
        <source>Stand {day} · {filters}</source>
        <translation>As of {day} · {filters}</translation>
    </message>
    <message>
        <source>Bedarfszahlen speichern</source>
        <translation>Save demand figures</translation>
    </message>
    <message>
        <source>Die Datei wird geschrieben …</source>
        <translation>Writing the file …</translation>
    </message>
    <message>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Excel-Dateien (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Gespeichert: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Die Datei wurde nicht gespeichert</source>
        <translation>The file was not saved</translation>
    </message>
    <message>
        <source>{what}: der Ordner ist nicht beschreibbar, voll oder nicht erreichbar ({detail}).</source>
        <translation>{what}: the folder is not writable, full or not reachable ({detail}).</translation>
    </message>
    <message>
        <source>{what}: unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>{what}: unexpected error ({kind}). Please tell IT support; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>FiguresScreenView</name>
    <message>
        <source>Bedarfszahlen</source>
        <translation>Demand figures</translation>
    </message>
    <message>
        <source>Ausgestellt von</source>
        <translation>Issued from</translation>
    </message>
    <message>
        <source>Ausgestellt bis</source>
        <translation>Issued until</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>alle Gemeinden</source>
        <translation>all municipalities</translation>
    </message>
    <message>
        <source>Berechnen</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Zahlen berechnen</source>
        <translation>Compute the figures</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Tabellen</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Hinweis zur Geheimhaltung</source>
        <translation>Note on suppression</translation>
    </message>
    <message>
        <source>Tabelle</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Stand und Filter</source>
        <translation>Date and filters</translation>
    </message>
    <message>
        <source>Diagramm der gewählten Tabelle</source>
        <translation>Chart of the chosen table</translation>
    </message>
    <message>
        <source>Als CSV speichern …</source>
        <translation>Save as CSV …</translation>
    </message>
    <message>
        <source>Als CSV-Datei speichern</source>
        <translation>Save as a CSV file</translation>
    </message>
    <message>
        <source>Als Excel speichern …</source>
        <translation>Save as Excel …</translation>
    </message>
    <message>
        <source>Als Excel-Datei speichern</source>
        <translation>Save as an Excel file</translation>
    </message>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Als PDF-Datei speichern</source>
        <translation>Save as a PDF file</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bedarfszahlen schließen</source>
        <translation>Close demand figures</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Zahlen der gewählten Tabelle</source>
        <translation>Figures of the chosen table</translation>
    </message>
    <message>
        <source>Pässe ausgestellt &amp;von</source>
        <translation>Passes issued &amp;from</translation>
    </message>
    <message>
        <source>&amp;bis</source>
        <translation>&amp;until</translation>
    </message>
    <message>
        <source>&amp;Gemeinde</source>
        <translation>&amp;Municipality</translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <source>Geheim gehalten: weniger als {threshold} (auch 0). Kleine Gruppen könnten einzelne Menschen erkennbar machen.</source>
        <translation>Suppressed: fewer than {threshold} (0 included). Small groups could make single people recognisable.</translation>
    </message>
    <message>
        <source>Geheim gehalten, obwohl {threshold} oder mehr: sonst ließe sich eine kleine Zahl dieser Zeile oder Spalte aus den Summen errechnen (sekundäre Geheimhaltung).</source>
        <translation>Suppressed although {threshold} or more: otherwise a small number in this row or column could be worked out from the totals (secondary suppression).</translation>
    </message>
</context>
<context>
    <name>IssuePassDialog</name>
    <message>
        <source>Pass ausstellen</source>
        <translation>Issue pass</translation>
    </message>
    <message>
        <source>Pass ausstellen – {name}</source>
        <translation>Issue pass – {name}</translation>
    </message>
    <message>
        <source>noch keiner</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>{number} – gültig ({card}), ausgestellt am {day} von {office}</source>
        <translation>{number} – valid ({card}), issued on {day} by {office}</translation>
    </message>
    <message>
        <source>{number} – eingezogen am {day}</source>
        <translation>{number} – withdrawn on {day}</translation>
    </message>
    <message>
        <source>Der Pass wurde ausgestellt, aber kein PDF geschrieben.</source>
        <translation>The pass was issued, but no PDF was written.</translation>
    </message>
    <message>
        <source>Pass {number} ausgestellt</source>
        <translation>Pass {number} issued</translation>
    </message>
    <message>
        <source>{name} · gedruckt auf {languages} · gespeichert als {file}</source>
        <translation>{name} · printed in {languages} · saved as {file}</translation>
    </message>
    <message>
        <source>Pass wird ausgestellt …</source>
        <translation>Issuing the pass …</translation>
    </message>
</context>
<context>
    <name>IssueStep</name>
    <message>
        <source>Pass ausstellen</source>
        <translation>Issue pass</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Voraussetzungen</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Gründe</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Bisherige Pässe</source>
        <translation>Previous passes</translation>
    </message>
    <message>
        <source>Zweite Sprache auf dem Pass</source>
        <translation>Second language on the pass</translation>
    </message>
    <message>
        <source>Begründung für das Ausstellen trotz Prüfung</source>
        <translation>Reason for issuing despite the check</translation>
    </message>
    <message>
        <source>Was wurde geprüft, warum wird der Pass ausgestellt? (mind. {count} Zeichen)</source>
        <translation>What was checked, and why is the pass issued? (at least {count} characters)</translation>
    </message>
    <message>
        <source>Hinweis zur Begründung</source>
        <translation>Note on the reason</translation>
    </message>
    <message>
        <source>Nicht eindeutig: bitte anhand der Dokumente prüfen und die Entscheidung begründen (wird protokolliert).</source>
        <translation>Not clear-cut: please check the documents and give a reason for the decision (it is logged).</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Warnung: Beispieldaten</source>
        <translation>Warning: sample data</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Abbrechen, nichts ausstellen</source>
        <translation>Cancel, issue nothing</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Geburtsdatum:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Voraussetzungen:</source>
        <translation>Requirements:</translation>
    </message>
    <message>
        <source>Bisherige Pässe:</source>
        <translation>Previous passes:</translation>
    </message>
    <message>
        <source>Zweite &amp;Sprache:</source>
        <translation>Second &amp;language:</translation>
    </message>
    <message>
        <source>&amp;Begründung:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Enter ausstellen · Esc abbrechen · Alt+S Sprache wählen</source>
        <translation>Enter issue · Esc cancel · Alt+L choose language</translation>
    </message>
    <message>
        <source> · Alt+B Begründung schreiben</source>
        <translation> · Alt+R write the reason</translation>
    </message>
    <message>
        <source>die Angebote sind Beispiele</source>
        <translation>the offers are examples</translation>
    </message>
    <message>
        <source>der Datenschutz-Kontakt ist ein Platzhalter</source>
        <translation>the privacy contact is a placeholder</translation>
    </message>
    <message>
        <source>Achtung: Dieser Pass wird mit Beispieldaten gedruckt ({what}) und trägt auf jeder Seite „Beispieldaten“. Angebote und Datenschutz-Kontakt legt das Landratsamt fest; sie kommen mit seinem nächsten Datenpaket.</source>
        <translation>Warning: this pass is printed with sample data ({what}) and says “Beispieldaten” (sample data) on every page. The district office sets the offers and the privacy contact; they come with its next bundle.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>keine – nur Deutsch</source>
        <translation>none – German only</translation>
    </message>
</context>
<context>
    <name>LockPrompt</name>
    <message>
        <source>Bildschirm gesperrt</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Angemeldet ist {name} ({role}). Zum Entsperren das Passwort dieses Kontos eingeben.</source>
        <translation>Logged in: {name} ({role}). Enter this account&apos;s password to unlock.</translation>
    </message>
    <message>
        <source>Angemeldetes Konto</source>
        <translation>Logged-in account</translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Entsperren</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Abmelden</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Enter entsperrt · „Abmelden“ beendet die Sitzung dieses Kontos.</source>
        <translation>Enter unlocks · “Log out” ends this account&apos;s session.</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>Passwort wird geprüft …</source>
        <translation>Checking the password …</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Anmelden – Bildungs- und Beratungspass</source>
        <translation>Log in – Education and Counselling Pass</translation>
    </message>
    <message>
        <source>Anmelden</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Dienststelle: {office}</source>
        <translation>Office: {office}</translation>
    </message>
    <message>
        <source>Dienststelle</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Kontoname</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Kontoname:</source>
        <translation>&amp;Account name:</translation>
    </message>
    <message>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Programm beenden</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <source>Enter anmelden · Esc beenden</source>
        <translation>Enter log in · Esc quit</translation>
    </message>
    <message>
        <source>Demo: erfundene Personen, nichts wird dauerhaft gespeichert. Konten:
{accounts}
Passwort für alle: {password}</source>
        <translation>Demo: invented people, nothing is kept. Accounts:
{accounts}
Password for all: {password}</translation>
    </message>
    <message>
        <source>Demo-Konten</source>
        <translation>Demo accounts</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bildungs- und Beratungspass – Landkreis Dachau</source>
        <translation type="vanished">Education and Counselling Pass – District of Dachau</translation>
    </message>
    <message>
        <source>Name, Passnummer oder Geburtsdatum eingeben – oder Pass scannen</source>
        <translation>Type a name, pass number or date of birth – or scan a pass</translation>
    </message>
    <message>
        <source>Suche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Hinweis zur Suche</source>
        <translation>Note on the search</translation>
    </message>
    <message>
        <source>Strg+F Suche · Strg+N neue Person · ↓ in die Trefferliste · Esc Suche leeren · Strg+Umschalt+D Datenaustausch</source>
        <translation>Ctrl+F search · Ctrl+N new person · ↓ to the results · Esc clear the search · Ctrl+Shift+D data exchange</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Bildungs- und Beratungspass – Landkreis Dachau – {account}</source>
        <translation>Education and Counselling Pass – District of Dachau – {account}</translation>
    </message>
    <message>
        <source>keine Dienststelle</source>
        <translation>no office</translation>
    </message>
    <message>
        <source>Dienststelle: {office}</source>
        <translation>Office: {office}</translation>
    </message>
    <message>
        <source>Dienststelle</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Angemeldet: {account} ({role})</source>
        <translation>Logged in: {account} ({role})</translation>
    </message>
    <message>
        <source>Angemeldetes Konto</source>
        <translation>Logged-in account</translation>
    </message>
    <message>
        <source>Strg+Umschalt+L Protokoll prüfen · Strg+Umschalt+Q abmelden</source>
        <translation>Ctrl+Shift+L check the audit log · Ctrl+Shift+Q log out</translation>
    </message>
    <message>
        <source>Strg+F Suche · Strg+N neue Person · ↓ in die Trefferliste · Esc Suche leeren · Strg+Umschalt+Q abmelden</source>
        <translation>Ctrl+F search · Ctrl+N new person · ↓ to the results · Esc clear the search · Ctrl+Shift+Q log out</translation>
    </message>
    <message>
        <source>Dieses Konto prüft das Protokoll; Personendaten zeigt es nicht. Verwaltung → Protokoll prüfen (Strg+Umschalt+L).</source>
        <translation>This account checks the audit log; it shows no personal data. Administration → Check audit log (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Protokoll prüfen …</source>
        <translation>Check audit log …</translation>
    </message>
    <message>
        <source>Protokoll prüfen</source>
        <translation>Check audit log</translation>
    </message>
    <message>
        <source>Die Datenbank ist gerade belegt (seit {seconds} s, z. B. durch einen Import an einem anderen Platz); neuer Versuch …</source>
        <translation>The database is busy (for {seconds} s, e.g. an import at another desk); trying again …</translation>
    </message>
    <message>
        <source>Suchergebnisse</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;Neue Person erfassen …</source>
        <translation>&amp;Register new person …</translation>
    </message>
    <message>
        <source>&amp;Suchen</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Verwaltung</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Datenaustausch …</source>
        <translation>&amp;Data exchange …</translation>
    </message>
    <message>
        <source>&amp;Angebotskatalog …</source>
        <translation>&amp;Offers catalogue …</translation>
    </message>
    <message>
        <source>&amp;Zertifikatspaket einspielen …</source>
        <translation>&amp;Import certificate package …</translation>
    </message>
    <message>
        <source>&amp;Bedarfszahlen …</source>
        <translation>Demand &amp;figures …</translation>
    </message>
    <message>
        <source>&amp;Protokoll prüfen …</source>
        <translation>Check audit &amp;log …</translation>
    </message>
    <message>
        <source>&amp;Konten …</source>
        <translation>&amp;Accounts …</translation>
    </message>
    <message>
        <source>Date&amp;nsicherung …</source>
        <translation>Back&amp;up …</translation>
    </message>
    <message>
        <source>A&amp;nsicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Sprache</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>D&amp;ienststellen …</source>
        <translation>O&amp;ffices …</translation>
    </message>
    <message>
        <source>Neuen &amp;Schlüssel beantragen …</source>
        <translation>Request a new &amp;key …</translation>
    </message>
    <message>
        <source>&amp;Konto</source>
        <translation>Acc&amp;ount</translation>
    </message>
    <message>
        <source>{account} – {role}</source>
        <translation>{account} – {role}</translation>
    </message>
    <message>
        <source>Eigenes &amp;Passwort ändern …</source>
        <translation>Change own &amp;password …</translation>
    </message>
    <message>
        <source>&amp;Abmelden</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>Sprache</source>
        <translation type="vanished">Language</translation>
    </message>
    <message>
        <source>Die Sprache wird beim nächsten Start übernommen.</source>
        <translation type="vanished">The language will change at the next start.</translation>
    </message>
    <message>
        <source>{name} erfasst.</source>
        <translation>{name} registered.</translation>
    </message>
    <message>
        <source>Nichts gefunden. Strg+N erfasst eine neue Person.</source>
        <translation>Nothing found. Ctrl+N registers a new person.</translation>
    </message>
    <message>
        <source>{count} Treffer</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <source>gültig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>ersetzt (Ersatzkarte ausgestellt)</source>
        <translation>replaced (replacement card issued)</translation>
    </message>
    <message>
        <source>eingezogen</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>kein gültiger Pass-QR-Code (unvollständig gelesen oder verändert)</source>
        <translation>not a valid pass QR code (read incompletely or altered)</translation>
    </message>
    <message>
        <source>unbekannte Version des QR-Codes</source>
        <translation>unknown version of the QR code</translation>
    </message>
    <message>
        <source>Schlüssel der ausstellenden Stelle unbekannt</source>
        <translation>key of the issuing office unknown</translation>
    </message>
    <message>
        <source>Schlüssel war am Ausstellungstag noch nicht gültig</source>
        <translation>key was not yet valid on the day of issue</translation>
    </message>
    <message>
        <source>Schlüssel war am Ausstellungstag nicht mehr gültig</source>
        <translation>key was no longer valid on the day of issue</translation>
    </message>
    <message>
        <source>Schlüssel der ausstellenden Stelle gesperrt</source>
        <translation>key of the issuing office blocked</translation>
    </message>
    <message>
        <source>Signatur ungültig – Pass möglicherweise gefälscht</source>
        <translation>signature invalid – pass possibly forged</translation>
    </message>
    <message>
        <source>keine Vertrauensliste eingespielt – bitte Zertifikatspaket installieren</source>
        <translation>no trust list installed – please install the certificate package</translation>
    </message>
    <message>
        <source>✔ Pass {number} gültig – ausgestellt von {office} am {day}</source>
        <translation>✔ Pass {number} valid – issued by {office} on {day}</translation>
    </message>
    <message>
        <source>✖ Pass {number}: {status}</source>
        <translation>✖ Pass {number}: {status}</translation>
    </message>
    <message>
        <source>✖ Ungültiger Pass: {reason}</source>
        <translation>✖ Invalid pass: {reason}</translation>
    </message>
    <message>
        <source>&amp;Mögliche Doppelte und Konflikte …</source>
        <translation>Possible &amp;duplicates and conflicts …</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Zusammenführen – {name}</source>
        <translation>Merge – {name}</translation>
    </message>
    <message>
        <source>&amp;Zusammenführen</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>Zwei Einträge zusammenführen</source>
        <translation>Merge two records</translation>
    </message>
    <message>
        <source>Der andere Eintrag bleibt erhalten, verweist aber auf den bleibenden und erscheint in keiner Suche mehr. Pässe und Einträge beider zählen für die Person; die Dienststellen erfahren es mit dem nächsten Datenaustausch.</source>
        <translation>The other record is kept but points to the one that stays and no longer appears in any search. The passes and entries of both count for the person; the offices learn of it with the next data exchange.</translation>
    </message>
    <message>
        <source>Was das Zusammenführen bewirkt</source>
        <translation>What merging does</translation>
    </message>
    <message>
        <source>Eintrag 1 bleibt</source>
        <translation>Record 1 stays</translation>
    </message>
    <message>
        <source>Eintrag 2 bleibt</source>
        <translation>Record 2 stays</translation>
    </message>
    <message>
        <source>Begründung</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>z. B. gleicher Reisepass, zweimal erfasst</source>
        <translation>e.g. same passport, registered twice</translation>
    </message>
    <message>
        <source>&amp;Begründung:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Ich habe geprüft: {first} und {second} sind dieselbe Person.</source>
        <translation>I have checked: {first} and {second} are the same person.</translation>
    </message>
    <message>
        <source>Zusammenführen bestätigen</source>
        <translation>Confirm the merge</translation>
    </message>
    <message>
        <source>{name} ({office}, erfasst {day}) bleibt</source>
        <translation>{name} ({office}, registered {day}) stays</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Neuen Schlüssel beantragen</source>
        <translation>Request a new key</translation>
    </message>
    <message>
        <source>Antrag &amp;schreiben …</source>
        <translation>&amp;Write request …</translation>
    </message>
    <message>
        <source>Warnung</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Das Landratsamt hat den Schlüssel dieser Dienststelle als kompromittiert gemeldet (ab {day}). Bis ein neuer Schlüssel angemeldet ist, können hier keine Pässe ausgestellt und keine Pakete exportiert werden.</source>
        <translation>The district office reported this office&apos;s key as compromised (from {day}). Until a new key is enrolled, no passes can be issued and no packages exported here.</translation>
    </message>
    <message>
        <source>Der Antrag wird in einen Ordner geschrieben (z. B. einen USB-Stick). Bringen Sie ihn zum Landratsamt; dort wird er angemeldet. Danach das Zertifikatspaket hier einspielen (Verwaltung → Zertifikatspaket einspielen …). Der bisherige Schlüssel bestätigt den neuen; Pässe, die er schon signiert hat, bleiben gültig. Ein zweiter Antrag ersetzt den ersten.</source>
        <translation>The request is written into a folder (e.g. a USB stick). Take it to the district office, where it is enrolled. Then import the certificate package here (Administration → Import certificate package …). The previous key vouches for the new one; passes it has signed stay valid. A second request replaces the first.</translation>
    </message>
    <message>
        <source>Was der Antrag bewirkt</source>
        <translation>What the request does</translation>
    </message>
    <message>
        <source>Geschriebener Antrag</source>
        <translation>Request written</translation>
    </message>
    <message>
        <source>Fingerabdruck des neuen Schlüssels</source>
        <translation>Fingerprint of the new key</translation>
    </message>
    <message>
        <source>Ordner für den Antrag wählen (z. B. USB-Stick)</source>
        <translation>Choose a folder for the request (e.g. USB stick)</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Antrag gespeichert: {path}
Bitte zum Landratsamt bringen und dort diesen Fingerabdruck am Telefon vergleichen:</source>
        <translation>Request saved: {path}
Please take it to the district office and compare this fingerprint by phone:</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>Neues Passwort</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Neues Passwort wiederholen</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>Mindestens 10 Zeichen; lange Sätze sind gut, der Kontoname nicht.</source>
        <translation>At least 10 characters; long sentences are good, the account name is not.</translation>
    </message>
    <message>
        <source>Regeln für Passwörter</source>
        <translation>Password rules</translation>
    </message>
    <message>
        <source>&amp;Neues Passwort:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Wiederholen:</source>
        <translation>Re&amp;peat:</translation>
    </message>
    <message>
        <source>Die beiden Passwörter stimmen nicht überein.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Passwort in Ordnung.</source>
        <translation>Password fine.</translation>
    </message>
</context>
<context>
    <name>OfferDetails</name>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Zielgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Niveaus</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>inaktiv (nicht im Pass)</source>
        <translation>inactive (not in the pass)</translation>
    </message>
    <message>
        <source>Beispieldaten</source>
        <translation>Sample data</translation>
    </message>
    <message>
        <source>Titel auf {language}</source>
        <translation>Title in {language}</translation>
    </message>
</context>
<context>
    <name>OfferForm</name>
    <message>
        <source>Angebot bearbeiten</source>
        <translation>Edit offer</translation>
    </message>
    <message>
        <source>Neues Angebot</source>
        <translation>New offer</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>z. B. Deutsch A1 – Abendkurs</source>
        <translation>e.g. German A1 – evening class</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>Anbieter</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>z. B. Volkshochschule</source>
        <translation>e.g. adult education centre</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Straße Nr., PLZ Ort</source>
        <translation>Street no., postcode town</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>– keine bestimmte Gemeinde –</source>
        <translation>– no particular municipality –</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Telefon, E-Mail, Sprechzeiten</source>
        <translation>Phone, email, opening hours</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Sprachcodes mit Komma, z. B. de, ar, uk, fa</source>
        <translation>Language codes with commas, e.g. de, ar, uk, fa</translation>
    </message>
    <message>
        <source>Zielgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>z. B. Frauen mit Kleinkindern</source>
        <translation>e.g. women with small children</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Titel auf {language}</source>
        <translation>Title in {language}</translation>
    </message>
    <message>
        <source>Kennung des Angebots</source>
        <translation>Code of the offer</translation>
    </message>
    <message>
        <source>Fehlermeldung</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Angebot speichern</source>
        <translation>Save offer</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nicht speichern</source>
        <translation>Do not save</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>T&amp;itle:</translation>
    </message>
    <message>
        <source>&amp;Kategorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Anbieter:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>A&amp;dresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Gemeinde:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>K&amp;ontakt:</source>
        <translation>C&amp;ontact:</translation>
    </message>
    <message>
        <source>&amp;Sprachen:</source>
        <translation>&amp;Languages:</translation>
    </message>
    <message>
        <source>&amp;Niveaus:</source>
        <translation>Le&amp;vels:</translation>
    </message>
    <message>
        <source>&amp;Zielgruppe:</source>
        <translation>Target &amp;group:</translation>
    </message>
    <message>
        <source>&amp;Beschreibung:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Enter speichern · Esc abbrechen · Alt+Buchstabe springt zum Feld · Leertaste kreuzt ein Niveau an · Umschalt+Enter: neue Zeile in der Beschreibung</source>
        <translation>Enter save · Esc cancel · Alt+letter jumps to a field · Space ticks a level · Shift+Enter: new line in the description</translation>
    </message>
    <message>
        <source>Titel in anderen Sprachen</source>
        <translation>Titles in other languages</translation>
    </message>
    <message>
        <source>Niveau {level}</source>
        <translation>Level {level}</translation>
    </message>
    <message>
        <source>Kennung: {slug}</source>
        <translation>Code: {slug}</translation>
    </message>
    <message>
        <source>Beispieldaten – nach dem Speichern gilt es als gepflegt.</source>
        <translation>Sample data – once saved, it counts as maintained.</translation>
    </message>
    <message>
        <source>Wird gespeichert …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>Unexpected error ({kind}). Please tell IT support; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>OfferPicker</name>
    <message>
        <source>Angebot aus dem Katalog suchen</source>
        <translation>Search the catalogue for an offer</translation>
    </message>
    <message>
        <source>Angebot suchen, z. B. „deutsch b1“ – ↓/↑ wählen, Enter übernehmen</source>
        <translation>Search for an offer, e.g. “deutsch b1” – ↓/↑ choose, Enter accept</translation>
    </message>
    <message>
        <source>Passende Angebote</source>
        <translation>Matching offers</translation>
    </message>
</context>
<context>
    <name>OfferTableModel</name>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Angebot</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Anbieter</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Niveaus</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>OffersScreen</name>
    <message>
        <source>Angebotskatalog</source>
        <translation>Offers catalogue</translation>
    </message>
    <message>
        <source>Kein Angebot passt zu „{text}“.</source>
        <translation>No offer matches “{text}”.</translation>
    </message>
    <message>
        <source>Der Katalog ist leer.</source>
        <translation>The catalogue is empty.</translation>
    </message>
    <message>
        <source>1 Angebot</source>
        <translation>1 offer</translation>
    </message>
    <message>
        <source>{count} Angebote</source>
        <translation>{count} offers</translation>
    </message>
    <message>
        <source>Gespeichert: „{title}“. Es geht mit dem nächsten Paket an die Dienststellen.</source>
        <translation>Saved: “{title}”. It goes to the offices with the next package.</translation>
    </message>
    <message>
        <source>„{title}“ ist wieder aktiv und steht wieder im Pass.</source>
        <translation>“{title}” is active again and back in the pass.</translation>
    </message>
    <message>
        <source>„{title}“ ist deaktiviert: nicht mehr im Pass und in den Listen.</source>
        <translation>“{title}” is deactivated: no longer in the pass or the lists.</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>Unexpected error ({kind}). Please tell IT support; the details are in the log.</translation>
    </message>
    <message>
        <source>Katalog aus Datei einspielen</source>
        <translation>Import catalogue from file</translation>
    </message>
    <message>
        <source>Tabellen (*.xlsx *.csv);;Alle Dateien (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Datei wird geprüft …</source>
        <translation>Checking the file …</translation>
    </message>
    <message>
        <source>Aus {name} eingespielt: {created} neu, {updated} geändert, {unchanged} unverändert. Es geht mit dem nächsten Paket an die Dienststellen.</source>
        <translation>Imported from {name}: {created} new, {updated} changed, {unchanged} unchanged. It goes to the offices with the next package.</translation>
    </message>
    <message>
        <source>Nichts eingespielt: {count} Fehler in {name}. Bitte in der Datei beheben.</source>
        <translation>Nothing imported: {count} errors in {name}. Please correct them in the file.</translation>
    </message>
    <message>
        <source>Zeile {row}, Spalte „{column}“: {text}</source>
        <translation>Row {row}, column “{column}”: {text}</translation>
    </message>
    <message>
        <source>Katalog als Datei speichern</source>
        <translation>Save catalogue as file</translation>
    </message>
    <message>
        <source>Excel-Tabelle (*.xlsx);;CSV, Semikolon getrennt (*.csv)</source>
        <translation>Excel spreadsheet (*.xlsx);;CSV, semicolon separated (*.csv)</translation>
    </message>
    <message>
        <source>{count} Angebote gespeichert: {path}</source>
        <translation>{count} offers saved: {path}</translation>
    </message>
</context>
<context>
    <name>OffersScreenView</name>
    <message>
        <source>Angebotskatalog</source>
        <translation>Offers catalogue</translation>
    </message>
    <message>
        <source>Wer den Katalog pflegt</source>
        <translation>Who maintains the catalogue</translation>
    </message>
    <message>
        <source>Angebote filtern</source>
        <translation>Filter offers</translation>
    </message>
    <message>
        <source>Filtern nach Titel, Anbieter oder Kategorie – z. B. „deutsch abend“</source>
        <translation>Filter by title, provider or category – e.g. “deutsch abend”</translation>
    </message>
    <message>
        <source>Anzahl der Angebote</source>
        <translation>Number of offers</translation>
    </message>
    <message>
        <source>Einzelheiten zum gewählten Angebot</source>
        <translation>Details of the selected offer</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Neues Angebot …</source>
        <translation>New offer …</translation>
    </message>
    <message>
        <source>Neues Angebot</source>
        <translation>New offer</translation>
    </message>
    <message>
        <source>Bearbeiten …</source>
        <translation>Edit …</translation>
    </message>
    <message>
        <source>Angebot bearbeiten</source>
        <translation>Edit offer</translation>
    </message>
    <message>
        <source>Deaktivieren</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Angebot deaktivieren oder aktivieren</source>
        <translation>Deactivate or activate the offer</translation>
    </message>
    <message>
        <source>Inaktive zeigen</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <source>Inaktive Angebote zeigen</source>
        <translation>Show inactive offers</translation>
    </message>
    <message>
        <source>Inaktive Angebote zeigen (Strg+I)</source>
        <translation>Show inactive offers (Ctrl+I)</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Katalog schließen</source>
        <translation>Close the catalogue</translation>
    </message>
    <message>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Katalog als Datei</source>
        <translation>Catalogue as file</translation>
    </message>
    <message>
        <source>Aus Datei &amp;einspielen …</source>
        <translation>&amp;Import from file …</translation>
    </message>
    <message>
        <source>Als Datei &amp;speichern …</source>
        <translation>&amp;Save as file …</translation>
    </message>
    <message>
        <source>Fehler in der Datei</source>
        <translation>Errors in the file</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Angebote</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Aktivieren</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Hier pflegt das Landratsamt den Katalog. Änderungen gehen mit dem nächsten Paket an alle Dienststellen. Beendete Angebote werden deaktiviert, nicht gelöscht: Einträge verweisen auf sie.</source>
        <translation>The district office maintains the catalogue here. Changes go to all offices with the next package. Offers that have ended are deactivated, not deleted: entries refer to them.</translation>
    </message>
    <message>
        <source>Tippen filtert · ↓ zur Liste · Enter oder Strg+B bearbeiten · Strg+N neues Angebot · Strg+D deaktivieren/aktivieren · Strg+I inaktive zeigen · Strg+F Filter · Esc schließen</source>
        <translation>Type to filter · ↓ to the list · Enter or Ctrl+B edit · Ctrl+N new offer · Ctrl+D deactivate/activate · Ctrl+I show inactive · Ctrl+F filter · Esc close</translation>
    </message>
    <message>
        <source>Den Angebotskatalog pflegt das Landratsamt. Er kommt mit jedem Paket des Landratsamts und kann hier nur nachgeschlagen werden.</source>
        <translation>The district office maintains the offers catalogue. It comes with every package from the district office and can only be looked up here.</translation>
    </message>
    <message>
        <source>Tippen filtert · ↓ zur Liste · Strg+F Filter · Esc schließen</source>
        <translation>Type to filter · ↓ to the list · Ctrl+F filter · Esc close</translation>
    </message>
</context>
<context>
    <name>OfficeCodeField</name>
    <message>
        <source>2 bis 6 Zeichen: Ziffern und Großbuchstaben A–X ohne I und O. Die Kennung vergibt das Landratsamt; sie steht vorn in jeder Passnummer.</source>
        <translation>2 to 6 characters: digits and capital letters A–X without I and O. The district office assigns the code; it begins every pass number.</translation>
    </message>
    <message>
        <source>Hinweis zur Kennung</source>
        <translation>Note on the code</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Dienststelle einrichten</source>
        <translation>Set up an office</translation>
    </message>
    <message>
        <source>Name und Kennung stehen später auf jedem Pass. Die Kennung bekommen Sie vom Landratsamt; sie lässt sich nachträglich nicht ändern.</source>
        <translation>Name and code will appear on every pass. You get the code from the district office; it cannot be changed later.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>z. B. EWDAH</source>
        <translation>e.g. EWDAH</translation>
    </message>
    <message>
        <source>Kennung der Dienststelle</source>
        <translation>Code of the office</translation>
    </message>
    <message>
        <source>z. B. Einwohnermeldeamt Dachau</source>
        <translation>e.g. Einwohnermeldeamt Dachau</translation>
    </message>
    <message>
        <source>Name der Dienststelle</source>
        <translation>Name of the office</translation>
    </message>
    <message>
        <source>Art der Dienststelle</source>
        <translation>Type of office</translation>
    </message>
    <message>
        <source>– bitte wählen –</source>
        <translation>– please choose –</translation>
    </message>
    <message>
        <source>Gemeinde der Dienststelle</source>
        <translation>Municipality of the office</translation>
    </message>
    <message>
        <source>&amp;Kennung:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Art:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Gemeinde:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation type="vanished">Message</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation type="vanished">Next</translation>
    </message>
    <message>
        <source>Weiter zum Admin-Konto</source>
        <translation type="vanished">On to the admin account</translation>
    </message>
    <message>
        <source>Tab nächstes Feld · Enter weiter · Alt+Z zurück · Esc abbrechen</source>
        <translation type="vanished">Tab next field · Enter next · Alt+Z back · Esc cancel</translation>
    </message>
    <message>
        <source>Einrichten</source>
        <translation type="vanished">Set up</translation>
    </message>
    <message>
        <source>&amp;Zurück</source>
        <translation type="vanished">Back</translation>
    </message>
    <message>
        <source>Zurück zur Auswahl</source>
        <translation type="vanished">Back to the choice</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>Einrichtung abbrechen</source>
        <translation type="vanished">Cancel the set-up</translation>
    </message>
    <message>
        <source>Tab nächstes Feld · Enter einrichten · Alt+Z zurück · Esc abbrechen</source>
        <translation type="vanished">Tab next field · Enter set up · Alt+Z back · Esc cancel</translation>
    </message>
</context>
<context>
    <name>OfficeTableModel</name>
    <message>
        <source>noch keins</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Landratsamt (diese Datenbank)</source>
        <translation type="vanished">District office (this database)</translation>
    </message>
    <message>
        <source>STILL</source>
        <translation>SILENT</translation>
    </message>
    <message>
        <source>Schlüssel kompromittiert</source>
        <translation type="vanished">key compromised</translation>
    </message>
    <message>
        <source>eigene Dienststelle</source>
        <translation>own office</translation>
    </message>
    <message>
        <source>kompromittiert</source>
        <translation>compromised</translation>
    </message>
    <message>
        <source>in Ordnung</source>
        <translation>fine</translation>
    </message>
    <message>
        <source>Kennung</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Dienststelle</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Angemeldet</source>
        <translation type="vanished">Enrolled</translation>
    </message>
    <message>
        <source>Letztes Paket</source>
        <translation>Last package</translation>
    </message>
    <message>
        <source>Tage ohne Paket</source>
        <translation>Days without package</translation>
    </message>
    <message>
        <source>Zustand</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>OfficesScreen</name>
    <message>
        <source>Dienststellen</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>&amp;nur stille</source>
        <translation>silent &amp;only</translation>
    </message>
    <message>
        <source>Nur stille Dienststellen zeigen</source>
        <translation>Show silent offices only</translation>
    </message>
    <message>
        <source> Tagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Still nach Tagen ohne Paket</source>
        <translation>Silent after days without a package</translation>
    </message>
    <message>
        <source>Frist &amp;speichern</source>
        <translation>&amp;Save period</translation>
    </message>
    <message>
        <source>Einzelheiten und Schlüssel der Dienststelle</source>
        <translation>Details and keys of the office</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Anmeldung einspielen …</source>
        <translation>&amp;Enrol from request …</translation>
    </message>
    <message>
        <source>Schlüssel als &amp;kompromittiert melden …</source>
        <translation>Report key as &amp;compromised …</translation>
    </message>
    <message>
        <source>&amp;Vertrauensliste exportieren …</source>
        <translation>Export &amp;trust list …</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>S&amp;till nach mehr als</source>
        <translation>S&amp;ilent after more than</translation>
    </message>
    <message>
        <source>ohne Paket</source>
        <translation>without a package</translation>
    </message>
    <message>
        <source>Eine Dienststelle wählen, um ihre Schlüssel zu sehen.</source>
        <translation>Choose an office to see its keys.</translation>
    </message>
    <message>
        <source>Still heißt jetzt: mehr als {days} Tage ohne Paket.</source>
        <translation>Silent now means: more than {days} days without a package.</translation>
    </message>
    <message>
        <source>Anmeldeantrag der Dienststelle wählen</source>
        <translation>Choose the office&apos;s enrolment request</translation>
    </message>
    <message>
        <source>Anmeldeanträge {extensions};;Alle Dateien (*)</source>
        <translation>Enrolment requests {extensions};;All files (*)</translation>
    </message>
    <message>
        <source> Alter Schlüssel {key} stillgelegt.</source>
        <translation> Old key {key} retired.</translation>
    </message>
    <message>
        <source>{code} angemeldet (Schlüssel {key}, gültig bis {day}). Zertifikatspaket: {path}.{retired}</source>
        <translation>{code} enrolled (key {key}, valid until {day}). Certificate package: {path}.{retired}</translation>
    </message>
    <message>
        <source>Schlüssel gemeldet; Vertrauensliste Nr. {number}. Sie geht mit dem nächsten Paket an alle Dienststellen.</source>
        <translation>Key reported; trust list no. {number}. It goes to all offices with the next package.</translation>
    </message>
    <message>
        <source>Vertrauensliste speichern</source>
        <translation>Save trust list</translation>
    </message>
    <message>
        <source>Vertrauenslisten {extensions}</source>
        <translation>Trust lists {extensions}</translation>
    </message>
    <message>
        <source>Vertrauensliste Nr. {number} gespeichert: {path}</source>
        <translation>Trust list no. {number} saved: {path}</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Eigenes Passwort ändern</source>
        <translation>Change own password</translation>
    </message>
    <message>
        <source>Passwort ändern</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Bisheriges Passwort</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>&amp;Bisheriges Passwort:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>Das bisherige Passwort stimmt nicht.</source>
        <translation>The current password is wrong.</translation>
    </message>
</context>
<context>
    <name>PackagePage</name>
    <message>
        <source>Zertifikatspaket einspielen</source>
        <translation>Import certificate package</translation>
    </message>
    <message>
        <source>Das Landratsamt hat aus Ihrem Anmeldeantrag ein Zertifikatspaket gemacht: eine Datei, meist auf dem USB-Stick. Wählen Sie diese Datei; danach können Pässe ausgestellt werden.</source>
        <translation>The district office has made a certificate package from your enrolment request: a file, usually on the USB stick. Choose this file; after that, passes can be issued.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Noch kein Paket da? Dann „Später“: Das Programm lässt sich schon benutzen. Eingespielt wird das Paket dann über Verwaltung → Zertifikatspaket einspielen …</source>
        <translation>No package yet? Then choose “Later”: the program can already be used. Import the package later via Administration → Import certificate package …</translation>
    </message>
    <message>
        <source>Hinweis zu später</source>
        <translation>Note on later</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Paket wählen …</source>
        <translation>Choose package …</translation>
    </message>
    <message>
        <source>Zertifikatspaket wählen</source>
        <translation>Choose certificate package</translation>
    </message>
    <message>
        <source>Später</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Später einspielen, Einrichtung beenden</source>
        <translation>Import later, finish the set-up</translation>
    </message>
    <message>
        <source>&amp;Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Zurück zum Anmeldeantrag</source>
        <translation>Back to the enrolment request</translation>
    </message>
    <message>
        <source>Strg+O Paket wählen · Alt+Z zurück zum Antrag · Esc später</source>
        <translation>Ctrl+O choose package · Alt+Z back to the request · Esc later</translation>
    </message>
</context>
<context>
    <name>PairComparison</name>
    <message>
        <source>Eintrag 1</source>
        <translation>Record 1</translation>
    </message>
    <message>
        <source>Eintrag 2</source>
        <translation>Record 2</translation>
    </message>
    <message>
        <source>{field}, Eintrag {number}</source>
        <translation>{field}, record {number}</translation>
    </message>
    <message>
        <source>Gründe</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Übereinstimmung {score}: {reasons}</source>
        <translation>Match {score}: {reasons}</translation>
    </message>
    <message>
        <source>Ein Paar in der Liste wählen, um beide Einträge zu vergleichen.</source>
        <translation>Choose a pair in the list to compare both records.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Hinweis zur Vorschau</source>
        <translation>Note on the preview</translation>
    </message>
    <message>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Pfeiltasten und Bild auf/ab blättern, Pos1 und Ende springen.</source>
        <translation>Arrow keys and Page Up/Down scroll, Home and End jump.</translation>
    </message>
    <message>
        <source>Die Vorschau kann nicht angezeigt werden: {file} ist kein lesbares PDF.</source>
        <translation>The preview cannot be shown: {file} is not a readable PDF.</translation>
    </message>
    <message>
        <source>Seite {number} von {count}</source>
        <translation>Page {number} of {count}</translation>
    </message>
</context>
<context>
    <name>PeerTableModel</name>
    <message>
        <source>Stelle</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Zuletzt Paket geschrieben</source>
        <translation>Last package written</translation>
    </message>
    <message>
        <source>Zuletzt Paket eingespielt</source>
        <translation>Last package imported</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Person erfassen</source>
        <translation>Register person</translation>
    </message>
    <message>
        <source>– nicht angegeben –</source>
        <translation>– not stated –</translation>
    </message>
    <message>
        <source>– nicht erfasst –</source>
        <translation>– not recorded –</translation>
    </message>
    <message>
        <source>weiblich</source>
        <translation>female</translation>
    </message>
    <message>
        <source>männlich</source>
        <translation>male</translation>
    </message>
    <message>
        <source>divers</source>
        <translation>diverse</translation>
    </message>
    <message>
        <source>ohne Angabe</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>Neue Person erfassen</source>
        <translation>Register new person</translation>
    </message>
    <message>
        <source>{arrow} &amp;Bildung und Sprache (freiwillig)</source>
        <translation>{arrow} Ed&amp;ucation and language (optional)</translation>
    </message>
    <message>
        <source>Person bearbeiten</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>Änderungen speichern</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>{name} bearbeiten</source>
        <translation>Edit {name}</translation>
    </message>
    <message>
        <source>Diese Person wurde von {owner} erfasst; nur dort kann sie geändert werden.</source>
        <translation>This person was registered by {owner}; only they can change the record.</translation>
    </message>
    <message>
        <source>Dieser Eintrag wurde zusammengeführt und wird nicht mehr geändert.</source>
        <translation>This record was merged and is no longer changed.</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Enter oder Esc schließen</source>
        <translation>Enter or Esc close</translation>
    </message>
    <message>
        <source>Erst mit vollständigen Daten (TT.MM.JJJJ) prüfbar.</source>
        <translation>Can only be checked with complete dates (DD.MM.YYYY).</translation>
    </message>
    <message>
        <source>Wird geprüft, sobald das Geburtsdatum eingetragen ist.</source>
        <translation>Checked as soon as the date of birth is entered.</translation>
    </message>
    <message>
        <source>Schon erfasst? Dann die Person öffnen (Strg+O) statt sie neu anzulegen.</source>
        <translation>Already registered? Then open that person (Ctrl+O) instead of registering them again.</translation>
    </message>
    <message>
        <source>Gleicher Name in Originalschrift, in lateinischer Schrift anders geschrieben: {names}.</source>
        <translation>Same name in the original script, written differently in Latin letters: {names}.</translation>
    </message>
    <message>
        <source>Keine ähnlichen Personen mit diesem Geburtsjahr gefunden.</source>
        <translation>No similar people with this year of birth found.</translation>
    </message>
    <message>
        <source>Trotzdem neu speichern</source>
        <translation>Save as new anyway</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Familienname fehlt.</source>
        <translation>Family name missing.</translation>
    </message>
    <message>
        <source>Geburtsdatum fehlt.</source>
        <translation>Date of birth missing.</translation>
    </message>
    <message>
        <source>Bitte die rot markierten Angaben prüfen.</source>
        <translation>Please check the details marked in red.</translation>
    </message>
    <message>
        <source>Ganz unbekannt? Dann „Einreisedatum unbekannt“ ankreuzen.</source>
        <translation>Entirely unknown? Then tick “Arrival date unknown”.</translation>
    </message>
    <message>
        <source>Bildungsprofil: {problem}</source>
        <translation>Learner profile: {problem}</translation>
    </message>
    <message>
        <source>Nichts geändert: bitte ändern oder mit Esc schließen.</source>
        <translation>Nothing changed: please change something or close with Esc.</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>Unexpected error ({kind}). Please tell IT support; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>PersonFormView</name>
    <message>
        <source>Überschrift</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ, unbekannt: 00 oder XX</source>
        <translation>DD.MM.YYYY, unknown: 00 or XX</translation>
    </message>
    <message>
        <source>Familienname(n)</source>
        <translation>Family name(s)</translation>
    </message>
    <message>
        <source>wie im Dokument</source>
        <translation>as in the document</translation>
    </message>
    <message>
        <source>Fehler beim Familiennamen</source>
        <translation>Error in the family name</translation>
    </message>
    <message>
        <source>Vorname(n)</source>
        <translation>Given name(s)</translation>
    </message>
    <message>
        <source>leer bei nur einem Namen</source>
        <translation>empty if there is only one name</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Fehler beim Geburtsdatum</source>
        <translation>Error in the date of birth</translation>
    </message>
    <message>
        <source>Einreise nach Deutschland</source>
        <translation>Arrival in Germany</translation>
    </message>
    <message>
        <source>Fehler beim Einreisedatum</source>
        <translation>Error in the arrival date</translation>
    </message>
    <message>
        <source>Einreisedatu&amp;m unbekannt</source>
        <translation>Arrival date un&amp;known</translation>
    </message>
    <message>
        <source>Einreisedatum unbekannt</source>
        <translation>Arrival date unknown</translation>
    </message>
    <message>
        <source>direkt aus dem &amp;Ausland in den Landkreis gezogen</source>
        <translation>&amp;moved to the district directly from abroad</translation>
    </message>
    <message>
        <source>Direkt aus dem Ausland in den Landkreis gezogen</source>
        <translation>Moved to the district directly from abroad</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit(en)</source>
        <translation>Nationality(-ies)</translation>
    </message>
    <message>
        <source>z. B. syr, Syrien, afg</source>
        <translation>e.g. syr, Syria, afg</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>z. B. ar, Arabisch, Dari</source>
        <translation>e.g. ar, Arabic, Dari</translation>
    </message>
    <message>
        <source>Einwilligung (Alt+E): Weitergabe des Namens an das Landratsamt</source>
        <translation>Consent (Alt+E): passing the name on to the district office</translation>
    </message>
    <message>
        <source>Einwilligung in die Weitergabe</source>
        <translation>Consent to passing on</translation>
    </message>
    <message>
        <source>Hinweis zur Einwilligung</source>
        <translation>Note on the consent</translation>
    </message>
    <message>
        <source>Sprache des Hinweises</source>
        <translation>Language of the notice</translation>
    </message>
    <message>
        <source>Wohngemeinde</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>freiwillig: Telefon oder E-Mail</source>
        <translation>optional: phone or email</translation>
    </message>
    <message>
        <source>Familienname(n) in Originalschrift</source>
        <translation>Family name(s) in original script</translation>
    </message>
    <message>
        <source>Vorname(n) in Originalschrift</source>
        <translation>Given name(s) in original script</translation>
    </message>
    <message>
        <source>Hinweis &amp;lesen auf:</source>
        <translation>Read notice &amp;in:</translation>
    </message>
    <message>
        <source>&amp;Familienname(n):</source>
        <translation>&amp;Family name(s):</translation>
    </message>
    <message>
        <source>&amp;Vorname(n):</source>
        <translation>&amp;Given name(s):</translation>
    </message>
    <message>
        <source>&amp;Geburtsdatum:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <source>Ein&amp;reise nach Deutschland:</source>
        <translation>&amp;Arrival in Germany:</translation>
    </message>
    <message>
        <source>&amp;Staatsangehörigkeit(en):</source>
        <translation>&amp;Nationality(-ies):</translation>
    </message>
    <message>
        <source>S&amp;prachen:</source>
        <translation>&amp;Languages:</translation>
    </message>
    <message>
        <source>Datenschutz:</source>
        <translation>Data protection:</translation>
    </message>
    <message>
        <source>&amp;Wohngemeinde:</source>
        <translation>&amp;Residence:</translation>
    </message>
    <message>
        <source>Gesc&amp;hlecht:</source>
        <translation>&amp;Sex:</translation>
    </message>
    <message>
        <source>&amp;Kontakt:</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>&amp;Originalschrift:</source>
        <translation>&amp;Original script:</translation>
    </message>
    <message>
        <source>▸ &amp;Bildung und Sprache (freiwillig)</source>
        <translation>▸ Ed&amp;ucation and language (optional)</translation>
    </message>
    <message>
        <source>Bildung und Sprache</source>
        <translation>Education and language</translation>
    </message>
    <message>
        <source>Anspruch auf den Pass</source>
        <translation>Eligibility for the pass</translation>
    </message>
    <message>
        <source>Anspruch</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>Gründe</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Hinweis zum Namen</source>
        <translation>Note on the name</translation>
    </message>
    <message>
        <source>Mögliche Dubletten</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>Hinweis zu Dubletten</source>
        <translation>Note on duplicates</translation>
    </message>
    <message>
        <source>Vorhandene Person öffnen</source>
        <translation>Open existing person</translation>
    </message>
    <message>
        <source>Markierte vorhandene Person öffnen</source>
        <translation>Open the selected existing person</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Abbrechen, nichts speichern</source>
        <translation>Cancel, save nothing</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Enter speichern · Esc abbrechen · Alt+E Einwilligung · ↑↓ Vorschlag wählen · Strg+O vorhandene Person öffnen</source>
        <translation>Enter save · Esc cancel · Alt+E consent · ↑↓ choose suggestion · Ctrl+O open existing person</translation>
    </message>
    <message>
        <source>noch offen</source>
        <translation>still open</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Angaben zur Person</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>Berechtigung heute</source>
        <translation>Eligibility today</translation>
    </message>
    <message>
        <source>Pässe</source>
        <translation>Passes</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Pass &amp;ausstellen</source>
        <translation>&amp;Issue pass</translation>
    </message>
    <message>
        <source>&amp;Ersatzkarte</source>
        <translation>&amp;Replacement card</translation>
    </message>
    <message>
        <source>Eintragsb&amp;ogen</source>
        <translation>Entry &amp;sheet</translation>
    </message>
    <message>
        <source>Strg+I Pass ausstellen · Strg+R Ersatzkarte · Strg+Umschalt+P Eintragsbogen · Strg+B bearbeiten</source>
        <translation type="vanished">Ctrl+I issue pass · Ctrl+R replacement card · Ctrl+Shift+P entry sheet · Ctrl+B edit</translation>
    </message>
    <message>
        <source>A&amp;uskunft (Art. 15) …</source>
        <translation>Access repor&amp;t (Art. 15) …</translation>
    </message>
    <message>
        <source>Bildungsprofil</source>
        <translation>Learner profile</translation>
    </message>
    <message>
        <source>Bil&amp;dungsprofil bearbeiten …</source>
        <translation>Learner pro&amp;file …</translation>
    </message>
    <message>
        <source>Strg+I Pass ausstellen · Strg+R Ersatzkarte · Strg+Umschalt+P Eintragsbogen · Strg+B bearbeiten · Strg+Umschalt+U Auskunft</source>
        <translation type="vanished">Ctrl+I issue pass · Ctrl+R replacement card · Ctrl+Shift+P entry sheet · Ctrl+B edit · Ctrl+Shift+U access report</translation>
    </message>
    <message>
        <source>Daten&amp;schutz</source>
        <translation>&amp;Data protection</translation>
    </message>
    <message>
        <source>Datenschutz</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <source>Einwilligung &amp;widerrufen …</source>
        <translation>&amp;Withdraw consent …</translation>
    </message>
    <message>
        <source>&amp;Löschen nach Art. 17 …</source>
        <translation>&amp;Erase under Art. 17 …</translation>
    </message>
    <message>
        <source>Keine Person gewählt</source>
        <translation>No person selected</translation>
    </message>
    <message>
        <source>Gescannter Pass</source>
        <translation>Scanned pass</translation>
    </message>
    <message>
        <source>(ohne Namen – keine Einwilligung)</source>
        <translation>(no name – no consent)</translation>
    </message>
    <message>
        <source>geboren {date}</source>
        <translation>born {date}</translation>
    </message>
    <message>
        <source>eingereist {date}</source>
        <translation>arrived {date}</translation>
    </message>
    <message>
        <source>Einreisedatum unbekannt</source>
        <translation>arrival date unknown</translation>
    </message>
    <message>
        <source>direkt aus dem Ausland zugezogen</source>
        <translation>moved here directly from abroad</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit {codes}</source>
        <translation>nationality {codes}</translation>
    </message>
    <message>
        <source>Sprachen {codes}</source>
        <translation>languages {codes}</translation>
    </message>
    <message>
        <source>erfasst von {office}</source>
        <translation>registered by {office}</translation>
    </message>
    <message>
        <source>Zusammengeführt: bitte mit dem anderen Datensatz arbeiten</source>
        <translation>Merged: please work with the other record</translation>
    </message>
    <message>
        <source>Kein Bildungsprofil erfasst.</source>
        <translation>No learner profile recorded.</translation>
    </message>
    <message>
        <source>erfüllt</source>
        <translation>met</translation>
    </message>
    <message>
        <source>nicht erfüllt</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>unklar</source>
        <translation>unclear</translation>
    </message>
    <message>
        <source>Berechtigung heute: {status}</source>
        <translation>Eligibility today: {status}</translation>
    </message>
    <message>
        <source>Noch kein Pass.</source>
        <translation>No pass yet.</translation>
    </message>
    <message>
        <source>Pass {number} gültig, Karte {generation}, seit {day} ({office})</source>
        <translation>Pass {number} valid, card {generation}, since {day} ({office})</translation>
    </message>
    <message>
        <source>Pass {number} eingezogen am {day} ({office})</source>
        <translation>Pass {number} withdrawn on {day} ({office})</translation>
    </message>
    <message>
        <source>Auskunft speichern</source>
        <translation>Save access report</translation>
    </message>
    <message>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Auskunft wird erstellt …</source>
        <translation>Making the access report …</translation>
    </message>
    <message>
        <source>Auskunft gespeichert: {pdf} und {json}</source>
        <translation>Access report saved: {pdf} and {json}</translation>
    </message>
    <message>
        <source>Die Auskunft wurde nicht gespeichert: {reason}</source>
        <translation>The access report was not saved: {reason}</translation>
    </message>
    <message>
        <source>Einwilligung widerrufen am {day}.</source>
        <translation>Consent withdrawn on {day}.</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Familienname</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Vorname(n)</source>
        <translation>Given name(s)</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Passnummer</source>
        <translation>Pass number</translation>
    </message>
</context>
<context>
    <name>PrintStep</name>
    <message>
        <source>Zusammenfassung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Seitenzahl</source>
        <translation>Number of pages</translation>
    </message>
    <message>
        <source>Falten und Zusammenlegen</source>
        <translation>Folding and assembling</translation>
    </message>
    <message>
        <source>Meldung zum Drucken und Speichern</source>
        <translation>Message on printing and saving</translation>
    </message>
    <message>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>PDF drucken</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Als PDF speichern</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Fertig</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Fertig, Fenster schließen</source>
        <translation>Done, close the window</translation>
    </message>
    <message>
        <source>Enter, Esc</source>
        <translation>Enter, Esc</translation>
    </message>
    <message>
        <source>Strg+P drucken · Strg+S als PDF speichern · Bild ab/auf blättern · Enter oder Esc fertig</source>
        <translation>Ctrl+P print · Ctrl+S save as PDF · Page Down/Up scroll · Enter or Esc done</translation>
    </message>
    <message>
        <source>1 Seite – so wird sie gedruckt und gespeichert</source>
        <translation>1 page – printed and saved as shown</translation>
    </message>
    <message>
        <source>{count} Seiten – so werden sie gedruckt und gespeichert</source>
        <translation>{count} pages – printed and saved as shown</translation>
    </message>
    <message>
        <source>Einseitig und in tatsächlicher Größe drucken. Jedes Blatt an den Marken in der Mitte falten, Druck außen; die Blätter der Reihe nach aufeinanderlegen (Blatt 1 mit dem Deckblatt oben) und an der Falz heften.</source>
        <translation>Print one-sided at actual size. Fold every sheet at the marks in the middle, print outside; lay the sheets on each other in order (sheet 1 with the cover on top) and staple them at the fold.</translation>
    </message>
    <message>
        <source>Das PDF wurde an den Drucker geschickt.</source>
        <translation>The PDF was sent to the printer.</translation>
    </message>
    <message>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Das PDF konnte nicht gespeichert werden: {reason}</source>
        <translation>The PDF could not be saved: {reason}</translation>
    </message>
    <message>
        <source>Gespeichert: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Bildungsprofil bearbeiten</source>
        <translation>Edit learner profile</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter speichern · Esc abbrechen</source>
        <translation>Enter saves · Esc cancels</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <source>Deutschniveau insgesamt</source>
        <translation>German level overall</translation>
    </message>
    <message>
        <source>Grundlage des Niveaus</source>
        <translation>Basis of the level</translation>
    </message>
    <message>
        <source>Datum der Einstufung</source>
        <translation>Date of the assessment</translation>
    </message>
    <message>
        <source>Datum, leer: heute</source>
        <translation>Date, empty: today</translation>
    </message>
    <message>
        <source>Niveau {skill}</source>
        <translation>Level {skill}</translation>
    </message>
    <message>
        <source>Alphabetisierung</source>
        <translation>Literacy</translation>
    </message>
    <message>
        <source>Schuljahre</source>
        <translation>Years of school</translation>
    </message>
    <message>
        <source>Zahl, leer: unbekannt</source>
        <translation>Number, empty: unknown</translation>
    </message>
    <message>
        <source>Schulabschluss</source>
        <translation>School qualification</translation>
    </message>
    <message>
        <source>Ausbildung oder Studium</source>
        <translation>Vocational training or degree</translation>
    </message>
    <message>
        <source>Land der Ausbildung</source>
        <translation>Country of the training</translation>
    </message>
    <message>
        <source>Land, z. B. syr</source>
        <translation>Country, e.g. syr</translation>
    </message>
    <message>
        <source>Anerkennung</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>Aktuelle Situation</source>
        <translation>Current situation</translation>
    </message>
    <message>
        <source>Gesprochene Sprachen</source>
        <translation>Languages spoken</translation>
    </message>
    <message>
        <source>Fehler im Bildungsprofil</source>
        <translation>Error in the learner profile</translation>
    </message>
    <message>
        <source>Deutsch (&amp;insgesamt):</source>
        <translation>German le&amp;vel (overall):</translation>
    </message>
    <message>
        <source>Deutsch je Fertigkeit:</source>
        <translation>German per skill:</translation>
    </message>
    <message>
        <source>Alphabetisier&amp;ung:</source>
        <translation>Literac&amp;y:</translation>
    </message>
    <message>
        <source>Schul&amp;jahre:</source>
        <translation>Years at sc&amp;hool:</translation>
    </message>
    <message>
        <source>S&amp;chulabschluss:</source>
        <translation>School &amp;qualification:</translation>
    </message>
    <message>
        <source>Ausbil&amp;dung/Studium:</source>
        <translation>Training/&amp;degree:</translation>
    </message>
    <message>
        <source>Si&amp;tuation:</source>
        <translation>Si&amp;tuation:</translation>
    </message>
    <message>
        <source>Wünsche (Kurs, &amp;Zeit):</source>
        <translation>&amp;Wishes (course, time):</translation>
    </message>
    <message>
        <source>Gesprochene Sprache&amp;n:</source>
        <translation>S&amp;poken languages:</translation>
    </message>
</context>
<context>
    <name>ReplacePassDialog</name>
    <message>
        <source>Ersatzkarte ausstellen</source>
        <translation>Issue replacement card</translation>
    </message>
    <message>
        <source>Ersatzkarte für Pass {number}</source>
        <translation>Replacement card for pass {number}</translation>
    </message>
    <message>
        <source>Angaben zum Pass</source>
        <translation>Pass details</translation>
    </message>
    <message>
        <source>Die bisherige Karte wird damit ungültig: Wird sie noch vorgezeigt, zeigt die Prüfung „ersetzt“. Die neue Karte trägt dieselbe Passnummer; die Einträge bleiben erhalten.</source>
        <translation>The current card then becomes invalid: if it is still shown, the check says “replaced”. The new card has the same pass number; the entries are kept.</translation>
    </message>
    <message>
        <source>Warnung</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Ersatzkarte jetzt ausstellen?</source>
        <translation>Issue a replacement card now?</translation>
    </message>
    <message>
        <source>Frage</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Abbrechen, bisherige Karte bleibt gültig</source>
        <translation>Cancel, the current card stays valid</translation>
    </message>
    <message>
        <source>Enter Ersatzkarte ausstellen · Esc abbrechen</source>
        <translation>Enter issue replacement card · Esc cancel</translation>
    </message>
    <message>
        <source>Inhaber:in ist hier nicht gespeichert.</source>
        <translation>The holder is not stored here.</translation>
    </message>
    <message>
        <source>Ersatzkarte ausstellen – {name}</source>
        <translation>Issue replacement card – {name}</translation>
    </message>
    <message>
        <source>Inhaber:in: {name}, geboren {birth}</source>
        <translation>Holder: {name}, born {birth}</translation>
    </message>
    <message>
        <source>Bisher: {card}; neu: {new}</source>
        <translation>Current: {card}; new: {new}</translation>
    </message>
    <message>
        <source>Der Pass ist eingezogen; eine Ersatzkarte ist nicht möglich.</source>
        <translation>The pass has been withdrawn; a replacement card is not possible.</translation>
    </message>
    <message>
        <source>Die Ersatzkarte wurde gespeichert, aber kein PDF geschrieben.</source>
        <translation>The replacement card was saved, but no PDF was written.</translation>
    </message>
    <message>
        <source>Ersatzkarte für Pass {number} ausgestellt</source>
        <translation>Replacement card for pass {number} issued</translation>
    </message>
    <message>
        <source>{card} · die bisherige Karte ist ungültig · gespeichert als {file}</source>
        <translation>{card} · the previous card is invalid · saved as {file}</translation>
    </message>
    <message>
        <source>Ersatzkarte wird ausgestellt …</source>
        <translation>Issuing the replacement card …</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>Anmeldung beim Landratsamt</source>
        <translation>Enrolment with the district office</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>1. USB-Stick einstecken und „Antrag schreiben …“ wählen.
2. Den USB-Stick zum Landratsamt (Koordinierungsstelle) bringen. Der Antrag enthält keine Personendaten und keinen geheimen Schlüssel.
3. Das Landratsamt gibt ein Zertifikatspaket zurück. Das spielen Sie im nächsten Schritt ein – gleich oder später.</source>
        <translation>1. Plug in a USB stick and choose “Write request …”.
2. Take the USB stick to the district office (coordination office). The request contains no personal data and no secret key.
3. The district office gives back a certificate package. You import it in the next step – now or later.</translation>
    </message>
    <message>
        <source>Was zu tun ist</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Gespeicherter Antrag</source>
        <translation>Saved request</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Antrag schreiben …</source>
        <translation>Write request …</translation>
    </message>
    <message>
        <source>Anmeldeantrag schreiben</source>
        <translation>Write enrolment request</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Weiter zum Zertifikatspaket</source>
        <translation>Next: certificate package</translation>
    </message>
    <message>
        <source>Später</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Später anmelden, Einrichtung beenden</source>
        <translation>Enrol later, finish the set-up</translation>
    </message>
    <message>
        <source>Strg+S Antrag schreiben · Enter weiter · Esc später</source>
        <translation>Ctrl+S write request · Enter next · Esc later</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Sicherung wiederherstellen</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Sicherungen</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>{day} – {name}</source>
        <translation>{day} – {name}</translation>
    </message>
    <message>
        <source>Andere &amp;Datei …</source>
        <translation>Other &amp;file …</translation>
    </message>
    <message>
        <source>Was geschieht</source>
        <translation>What happens</translation>
    </message>
    <message>
        <source>Admin-Konto der Sicherung</source>
        <translation>The backup&apos;s admin account</translation>
    </message>
    <message>
        <source>Passwort der Sicherung</source>
        <translation>The backup&apos;s password</translation>
    </message>
    <message>
        <source>Admin-&amp;Konto der Sicherung:</source>
        <translation>The backup&apos;s admin &amp;account:</translation>
    </message>
    <message>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Bestätigung</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Wiederherstellen</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sicherung:</source>
        <translation>Backup:</translation>
    </message>
    <message>
        <source>Sicherung wählen</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>passapp-Sicherungen (*{suffix});;Alle Dateien (*)</source>
        <translation>passapp backups (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <source>Bitte eine Sicherung wählen.</source>
        <translation>Please choose a backup.</translation>
    </message>
    <message>
        <source>Ich habe verstanden, was geschieht.</source>
        <translation>I understand what happens.</translation>
    </message>
    <message>
        <source>Die Datenbank dieses PCs wird durch den Stand der Sicherung vom {day} ersetzt ({name}). Was seitdem hier erfasst wurde, geht verloren, außer es wurde schon an das Landratsamt gesendet. Die jetzige Datei bleibt als „{database}.&lt;Datum&gt;.replaced“ im selben Ordner erhalten. Die App meldet dabei ab; danach bitte neu anmelden.
Anzugeben ist ein Admin-Konto, wie es in der Sicherung steht (das Passwort von damals).</source>
        <translation>This PC&apos;s database is replaced by the state of the backup of {day} ({name}). What was entered here since is lost, unless it was already sent to the district office. The current file is kept as “{database}.&lt;date&gt;.replaced” in the same folder. The app logs out; then please log in again.
Give an admin account as it is in the backup (its password of then).</translation>
    </message>
    <message>
        <source>&amp;Ja, die Datenbank durch die Sicherung vom {day} ersetzen; Änderungen seitdem gehen verloren.</source>
        <translation>&amp;Yes, replace the database with the backup of {day}; changes since are lost.</translation>
    </message>
    <message>
        <source>Eine Datensicherung läuft schon; bitte gleich noch einmal.</source>
        <translation>A backup is running already; please try again in a moment.</translation>
    </message>
    <message>
        <source>Die Sicherung wird geprüft … bitte warten.</source>
        <translation>Checking the backup … please wait.</translation>
    </message>
    <message>
        <source>Die Sicherung ließ sich nicht prüfen: {reason}</source>
        <translation>The backup could not be checked: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Mögliche Doppelte und Konflikte</source>
        <translation>Possible duplicates and conflicts</translation>
    </message>
    <message>
        <source>Prüflisten</source>
        <translation>Review lists</translation>
    </message>
    <message>
        <source>Mögliche &amp;Doppelte</source>
        <translation>Possible &amp;duplicates</translation>
    </message>
    <message>
        <source>&amp;Konflikte</source>
        <translation>&amp;Conflicts</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Übereinst.</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Eintrag 1</source>
        <translation>Record 1</translation>
    </message>
    <message>
        <source>Eintrag 2</source>
        <translation>Record 2</translation>
    </message>
    <message>
        <source>Dienststellen</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>Mögliche Doppelte</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>Stand der Suche</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Zusammenführen …</source>
        <translation>&amp;Merge …</translation>
    </message>
    <message>
        <source>Keine Doppelten (&amp;verschieden) …</source>
        <translation>Not duplicates (&amp;different) …</translation>
    </message>
    <message>
        <source>&amp;Neu suchen</source>
        <translation>Search &amp;again</translation>
    </message>
    <message>
        <source>Verworfene &amp;Paare …</source>
        <translation>Dismissed &amp;pairs …</translation>
    </message>
    <message>
        <source>Es wird nach möglichen Doppelten gesucht …</source>
        <translation>Searching for possible duplicates …</translation>
    </message>
    <message>
        <source>Keine möglichen Doppelten gefunden.</source>
        <translation>No possible duplicates found.</translation>
    </message>
    <message>
        <source>Ein Paar möglicher Doppelter.</source>
        <translation>One pair of possible duplicates.</translation>
    </message>
    <message>
        <source>{total} Paare möglicher Doppelter, die wahrscheinlichsten zuerst.</source>
        <translation>{total} pairs of possible duplicates, the most likely first.</translation>
    </message>
    <message>
        <source>Gezeigt: {shown}.</source>
        <translation>Shown: {shown}.</translation>
    </message>
    <message>
        <source>Als verschiedene Personen entschieden: {count}.</source>
        <translation>Decided to be different people: {count}.</translation>
    </message>
    <message>
        <source>Zusammengeführt.</source>
        <translation>Merged.</translation>
    </message>
    <message>
        <source>Gültige Pässe beider Einträge: {numbers} – die ausstellende Dienststelle kann einen davon widerrufen.</source>
        <translation>Valid passes of both records: {numbers} – the issuing office can revoke one of them.</translation>
    </message>
    <message>
        <source>Keine Doppelten</source>
        <translation>Not duplicates</translation>
    </message>
    <message>
        <source>{first} und {second} sind verschiedene Personen? Das Paar wird danach nicht mehr als mögliche Doppelte gezeigt.</source>
        <translation>Are {first} and {second} different people? The pair is then no longer shown as possible duplicates.</translation>
    </message>
    <message>
        <source>Verschieden</source>
        <translation>Different</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>Als verschiedene Personen vermerkt.</source>
        <translation>Recorded as different people.</translation>
    </message>
    <message>
        <source>Entscheidung zurückgenommen: das Paar wird wieder geprüft.</source>
        <translation>Decision taken back: the pair is checked again.</translation>
    </message>
    <message>
        <source>Datensatz</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Gilt (Stelle)</source>
        <translation>Applies (office)</translation>
    </message>
    <message>
        <source>Zurückgestellt (Stelle)</source>
        <translation>Kept for review (office)</translation>
    </message>
    <message>
        <source>Erkannt</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Konflikt im Einzelnen</source>
        <translation>Conflict in detail</translation>
    </message>
    <message>
        <source>Stand der Konflikte</source>
        <translation>Conflicts status</translation>
    </message>
    <message>
        <source>Meldung zu Konflikten</source>
        <translation>Message about conflicts</translation>
    </message>
    <message>
        <source>Übernommenen Wert &amp;behalten</source>
        <translation>&amp;Keep the applied value</translation>
    </message>
    <message>
        <source>&amp;Anderen Wert übernehmen …</source>
        <translation>Take the &amp;other value …</translation>
    </message>
    <message>
        <source>Wo zwei Stellen dasselbe Feld geändert haben, gilt überall derselbe Wert; der andere ist hier zur Prüfung aufbewahrt. Den anderen Wert übernehmen kann, wer den Datensatz ändern darf; die Änderung geht mit dem nächsten Datenaustausch an die anderen Stellen.</source>
        <translation>Where two places changed the same field, the same value applies everywhere; the other one is kept here for review. Whoever may change the record can take the other value; the change goes to the other places with the next data exchange.</translation>
    </message>
    <message>
        <source>Anderen Wert übernehmen</source>
        <translation>Take the other value</translation>
    </message>
    <message>
        <source>{record} – {field}: statt „{applied}“ (von {won}) den Wert „{kept}“ (von {lost}) übernehmen? Die Änderung gilt hier sofort und geht mit dem nächsten Datenaustausch an die anderen Stellen.</source>
        <translation>{record} – {field}: take “{kept}” (from {lost}) instead of “{applied}” (from {won})? The change applies here at once and goes to the other places with the next data exchange.</translation>
    </message>
    <message>
        <source>Übernehmen</source>
        <translation>Take over</translation>
    </message>
    <message>
        <source>Konflikt geschlossen: der übernommene Wert bleibt.</source>
        <translation>Conflict closed: the applied value stays.</translation>
    </message>
    <message>
        <source>Anderer Wert übernommen; er geht mit dem nächsten Datenaustausch an die anderen Stellen.</source>
        <translation>Other value taken; it goes to the other places with the next data exchange.</translation>
    </message>
    <message>
        <source>Wo zwei Stellen dasselbe Feld geändert haben, gilt überall derselbe Wert; der andere ist hier zur Prüfung aufbewahrt. Korrigieren kann die Dienststelle, der der Datensatz gehört.</source>
        <translation type="vanished">Where two offices changed the same field, the same value applies everywhere; the other is kept here for review. The office that owns the record can correct it.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Ungeklärte Konflikte: {count}.</source>
        <translation>Open conflicts: {count}.</translation>
    </message>
    <message>
        <source>Keine ungeklärten Konflikte.</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>{record} – {field}
Gilt (von {won}): {applied}
Zurückgestellt (von {lost}): {kept}</source>
        <translation>{record} – {field}
Applies (from {won}): {applied}
Kept for review (from {lost}): {kept}</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <source>Bitte das Passwort eingeben.</source>
        <translation>Please enter the password.</translation>
    </message>
    <message>
        <source>Das war ein Pass-Scan, kein Passwort: zuerst entsperren.</source>
        <translation>That was a pass scan, not a password: unlock first.</translation>
    </message>
    <message>
        <source>Anmeldung fehlgeschlagen: Name oder Passwort falsch, oder das Konto ist gesperrt.</source>
        <translation>Log-in failed: wrong name or password, or the account is locked.</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Neues Passwort für {name}</source>
        <translation>New password for {name}</translation>
    </message>
    <message>
        <source>Passwort setzen</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>Das Konto kann sich danach mit diesem Passwort anmelden; eine Sperre nach Fehlversuchen ist damit aufgehoben.</source>
        <translation>The account can then log in with this password; a lock after wrong passwords is lifted.</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Einrichtung – Bildungs- und Beratungspass</source>
        <translation>Set-up – Education and Counselling Pass</translation>
    </message>
    <message>
        <source>Einrichtung</source>
        <translation>Set-up</translation>
    </message>
    <message>
        <source>Bitte den Namen der Dienststelle eingeben.</source>
        <translation>Please enter the name of the office.</translation>
    </message>
    <message>
        <source>Bitte die Art der Dienststelle wählen.</source>
        <translation>Please choose the type of office.</translation>
    </message>
    <message>
        <source>Bitte die Gemeinde wählen, in der die Dienststelle liegt.</source>
        <translation>Please choose the municipality the office is in.</translation>
    </message>
    <message>
        <source>Die Dienststelle {code} – {name} ist eingerichtet. Damit sie Pässe ausstellen kann, muss das Landratsamt ihren Schlüssel bestätigen.</source>
        <translation>The office {code} – {name} is set up. Before it can issue passes, the district office must confirm its key.</translation>
    </message>
    <message>
        <source>Damit diese Dienststelle Pässe ausstellen kann, muss das Landratsamt ihren Schlüssel bestätigen.</source>
        <translation>Before this office can issue passes, the district office must confirm its key.</translation>
    </message>
    <message>
        <source>Ordner für den Antrag wählen (z. B. USB-Stick)</source>
        <translation>Choose a folder for the request (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>Antrag gespeichert: {path}
Bringen Sie jetzt den USB-Stick zum Landratsamt.</source>
        <translation>Request saved: {path}
Now take the USB stick to the district office.</translation>
    </message>
    <message>
        <source>Fingerabdruck des Schlüssels, am Telefon zu vergleichen: {fingerprint}</source>
        <translation>Key fingerprint, to compare by phone: {fingerprint}</translation>
    </message>
    <message>
        <source>Strg+O Paket wählen · Esc schließen</source>
        <translation>Ctrl+O choose package · Esc close</translation>
    </message>
    <message>
        <source>Strg+O Paket wählen · Alt+Z zurück zum Antrag · Esc später</source>
        <translation>Ctrl+O choose package · Alt+Z back to the request · Esc later</translation>
    </message>
    <message>
        <source>Zertifikatspaket des Landratsamts wählen</source>
        <translation>Choose the district office&apos;s certificate package</translation>
    </message>
    <message>
        <source>Zertifikatspakete {extensions};;Alle Dateien (*)</source>
        <translation>Certificate packages {extensions};;All files (*)</translation>
    </message>
    <message>
        <source>Beim Landratsamt angemeldet</source>
        <translation>Enrolled with the district office</translation>
    </message>
    <message>
        <source>Die Dienststelle {code} ist angemeldet. Ab jetzt können Pässe ausgestellt werden.</source>
        <translation>The office {code} is enrolled. Passes can now be issued.</translation>
    </message>
    <message>
        <source>Vertrauensliste eingespielt</source>
        <translation>Trust list imported</translation>
    </message>
    <message>
        <source>Vertrauensliste Nr. {number} ist eingespielt.</source>
        <translation>Trust list no. {number} is imported.</translation>
    </message>
    <message>
        <source>Schlüssel als kompromittiert gemeldet</source>
        <translation>Key reported as compromised</translation>
    </message>
    <message>
        <source>Die Vertrauensliste Nr. {number} meldet den Schlüssel dieser Dienststelle als kompromittiert. Bis ein neuer Schlüssel angemeldet ist, können keine Pässe ausgestellt werden: Verwaltung → Neuen Schlüssel beantragen …</source>
        <translation>Trust list no. {number} reports this office&apos;s key as compromised. Until a new key is enrolled, no passes can be issued: Administration → Request a new key …</translation>
    </message>
    <message>
        <source>Fingerabdruck des Landkreis-Schlüssels:</source>
        <translation>Fingerprint of the district key:</translation>
    </message>
    <message>
        <source>Bitte vergleichen Sie diesen Fingerabdruck am Telefon mit dem Landratsamt. Stimmt er nicht überein, stellen Sie keine Pässe aus und verständigen Sie das Landratsamt.</source>
        <translation>Please compare this fingerprint with the district office by phone. If it does not match, do not issue any passes and inform the district office.</translation>
    </message>
    <message>
        <source>Es ist derselbe Landkreis-Schlüssel wie bisher.</source>
        <translation>It is the same district key as before.</translation>
    </message>
    <message>
        <source>Landratsamt eingerichtet</source>
        <translation>District office set up</translation>
    </message>
    <message>
        <source>{name} ({code}) ist eingerichtet. Als Nächstes bringen die Dienststellen ihre Anmeldeanträge; daraus werden hier ihre Zertifikatspakete.</source>
        <translation>{name} ({code}) is set up. Next, the offices bring their enrolment requests; their certificate packages are made from them here.</translation>
    </message>
    <message>
        <source>Fingerabdruck des Landkreis-Schlüssels (für die Unterlagen):</source>
        <translation>Fingerprint of the district key (for the records):</translation>
    </message>
    <message>
        <source>Bitte notieren Sie ihn für die Unterlagen. Jede Dienststelle sieht ihn beim Einspielen ihres Zertifikatspakets und vergleicht ihn am Telefon mit Ihnen.</source>
        <translation>Please note it down for the records. Every office sees it when importing its certificate package and compares it with you by phone.</translation>
    </message>
    <message>
        <source>Wird gespeichert …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler ({name}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>Unexpected error ({name}). Please tell IT support; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Datenaustausch</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>In dieser Datenbank ist noch keine Dienststelle eingerichtet.</source>
        <translation>No office has been set up in this database yet.</translation>
    </message>
    <message>
        <source>Datenaustausch mit den Dienststellen</source>
        <translation>Data exchange with the offices</translation>
    </message>
    <message>
        <source>Exportieren schreibt für jede angemeldete Dienststelle ein eigenes Paket in den gewählten Ordner (zum Beispiel einen USB-Stick). Einspielen übernimmt das Paket einer Dienststelle.</source>
        <translation>Export writes a package for each enrolled office into the chosen folder (for example a USB stick). Import takes in an office&apos;s package.</translation>
    </message>
    <message>
        <source>Datenaustausch mit dem Landratsamt ({code})</source>
        <translation>Data exchange with the district office ({code})</translation>
    </message>
    <message>
        <source>Datenaustausch mit dem Landratsamt</source>
        <translation>Data exchange with the district office</translation>
    </message>
    <message>
        <source>Exportieren schreibt ein Paket mit allem, was das Landratsamt noch nicht hat, in den gewählten Ordner (zum Beispiel einen USB-Stick). Einspielen übernimmt ein Paket des Landratsamts.</source>
        <translation>Export writes a package with everything the district office does not have yet into the chosen folder (for example a USB stick). Import takes in a package from the district office.</translation>
    </message>
    <message>
        <source>Wartende Änderungen: {pending} · In Quarantäne: {quarantined} · Ungeklärte Konflikte: {conflicts}</source>
        <translation>Pending changes: {pending} · In quarantine: {quarantined} · Unresolved conflicts: {conflicts}</translation>
    </message>
    <message>
        <source>Ordner für das Paket wählen (z. B. USB-Stick)</source>
        <translation>Choose a folder for the package (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>Paket wird geschrieben …</source>
        <translation>Writing the package …</translation>
    </message>
    <message>
        <source>Abbrechen hält nach dem Paket an, das gerade geschrieben wird.</source>
        <translation>Cancel stops after the package being written.</translation>
    </message>
    <message>
        <source>Abgebrochen. Schon fertig geschriebene Pakete sind vollständig und gültig.</source>
        <translation>Cancelled. Packages already written are complete and valid.</translation>
    </message>
    <message>
        <source>Paket einspielen</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>passapp-Pakete (*.passapp);;Alle Dateien (*)</source>
        <translation>passapp packages (*.passapp);;All files (*)</translation>
    </message>
    <message>
        <source>keine neuen Änderungen (nur Bestätigungen)</source>
        <translation>no new changes (acknowledgements only)</translation>
    </message>
    <message>
        <source>{count} Änderungen: {kinds}</source>
        <translation>{count} changes: {kinds}</translation>
    </message>
    <message>
        <source>Dieses Paket ist für {recipient} bestimmt, nicht für diese Stelle ({own}). Es kann hier nicht eingespielt werden.</source>
        <translation>This package is meant for {recipient}, not for this office ({own}). It cannot be imported here.</translation>
    </message>
    <message>
        <source>Paket wird eingespielt …</source>
        <translation>Importing the package …</translation>
    </message>
    <message>
        <source>Abbrechen hält nach dem laufenden Schritt an: schon Übernommenes bleibt, erneutes Einspielen setzt fort.</source>
        <translation>Cancel stops after the current step: what is already applied stays, importing again continues.</translation>
    </message>
    <message>
        <source>Abbrechen nimmt alles zurück: aus dem Paket wird dann nichts übernommen.</source>
        <translation type="vanished">Cancel undoes everything: nothing from the package is then taken in.</translation>
    </message>
    <message>
        <source>Abgebrochen. Aus dem Paket wurde nichts übernommen.</source>
        <translation>Cancelled. Nothing from the package was taken in.</translation>
    </message>
    <message>
        <source>Wird vorbereitet …</source>
        <translation>Preparing …</translation>
    </message>
    <message>
        <source>{phase}: {done} von {total}</source>
        <translation>{phase}: {done} of {total}</translation>
    </message>
    <message>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler ({kind}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>Unexpected error ({kind}). Please tell IT support; the details are in the log.</translation>
    </message>
    <message>
        <source>Der Beleg wurde an den Drucker geschickt.</source>
        <translation>The receipt was sent to the printer.</translation>
    </message>
    <message>
        <source>Beleg als PDF speichern</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Der Beleg konnte nicht gespeichert werden: {reason}</source>
        <translation>The receipt could not be saved: {reason}</translation>
    </message>
    <message>
        <source>Beleg gespeichert: {path}</source>
        <translation>Receipt saved: {path}</translation>
    </message>
</context>
<context>
    <name>SyncScreenView</name>
    <message>
        <source>Datenaustausch</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Letzter Austausch je Stelle</source>
        <translation>Last exchange per office</translation>
    </message>
    <message>
        <source>Noch kein Paket mit einer anderen Stelle ausgetauscht.</source>
        <translation>No package exchanged with another office yet.</translation>
    </message>
    <message>
        <source>Stand der Datensätze</source>
        <translation>State of the records</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Paket exportieren …</source>
        <translation>Export package …</translation>
    </message>
    <message>
        <source>Paket exportieren</source>
        <translation>Export package</translation>
    </message>
    <message>
        <source>Paket einspielen …</source>
        <translation>Import package …</translation>
    </message>
    <message>
        <source>Paket einspielen</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Datenaustausch schließen</source>
        <translation>Close data exchange</translation>
    </message>
    <message>
        <source>Strg+E exportieren · Strg+I einspielen · Esc schließen</source>
        <translation>Ctrl+E export · Ctrl+I import · Esc close</translation>
    </message>
    <message>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Für</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Erstellt am</source>
        <translation>Created on</translation>
    </message>
    <message>
        <source>Inhalt</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Dieses Paket einspielen?</source>
        <translation>Import this package?</translation>
    </message>
    <message>
        <source>Warnung</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Jetzt einspielen</source>
        <translation>Import now</translation>
    </message>
    <message>
        <source>Paket jetzt einspielen</source>
        <translation>Import the package now</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Zurück zur Übersicht</source>
        <translation>Back to the overview</translation>
    </message>
    <message>
        <source>Das steht im Kopf der Datei (lesbar ohne Schlüssel). Beim Einspielen wird das Paket vollständig geprüft; ist etwas nicht in Ordnung, wird nichts übernommen.</source>
        <translation>This is in the file&apos;s header (readable without a key). On import the package is checked in full; if anything is wrong, nothing is taken in.</translation>
    </message>
    <message>
        <source>Enter einspielen · Esc zurück</source>
        <translation>Enter import · Esc back</translation>
    </message>
    <message>
        <source>Arbeitsschritt</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Fortschritt</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Hinweis zum Abbrechen</source>
        <translation>Note on cancelling</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Vorgang abbrechen</source>
        <translation>Cancel the operation</translation>
    </message>
    <message>
        <source>Zusammenfassung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Beleg</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Meldung zum Beleg</source>
        <translation>Message on the receipt</translation>
    </message>
    <message>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Beleg drucken</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Beleg als PDF speichern</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <source>Fertig</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Fertig, zurück zur Übersicht</source>
        <translation>Done, back to the overview</translation>
    </message>
    <message>
        <source>Strg+P drucken · Strg+S als PDF speichern · Enter oder Esc fertig</source>
        <translation>Ctrl+P print · Ctrl+S save as PDF · Enter or Esc done</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Willkommen beim Bildungs- und Beratungspass</source>
        <translation>Welcome to the Education and Counselling Pass</translation>
    </message>
    <message>
        <source>Dieses Programm ist noch nicht eingerichtet. Die Einrichtung dauert wenige Minuten und wird nur einmal gemacht. Was soll dieser Arbeitsplatz sein?</source>
        <translation>This program is not set up yet. The set-up takes a few minutes and is done only once. What should this workstation be?</translation>
    </message>
    <message>
        <source>Erklärung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>&amp;Dienststelle einrichten</source>
        <translation>Set up an &amp;office</translation>
    </message>
    <message>
        <source>Dienststelle einrichten</source>
        <translation>Set up an office</translation>
    </message>
    <message>
        <source>Für eine ausgebende Stelle, zum Beispiel ein Einwohnermeldeamt, das Jobcenter oder einen Sprachkursträger. Danach wird die Dienststelle beim Landratsamt angemeldet.</source>
        <translation>For an issuing office, for example a residents&apos; registration office, the job centre or a language course provider. The office is then enrolled with the district office.</translation>
    </message>
    <message>
        <source>Erklärung zur Dienststelle</source>
        <translation>Explanation of the office</translation>
    </message>
    <message>
        <source>&amp;Landratsamt (Koordinierungsstelle) einrichten</source>
        <translation>Set up the &amp;district office (coordination office)</translation>
    </message>
    <message>
        <source>Landratsamt (Koordinierungsstelle) einrichten</source>
        <translation>Set up the district office (coordination office)</translation>
    </message>
    <message>
        <source>Nur einmal im Landkreis, bei der Koordinierungsstelle: meldet die Dienststellen an, pflegt die Angebote und führt die Daten aller Dienststellen zusammen.</source>
        <translation>Only once in the district, at the coordination office: enrols the offices, maintains the offers and brings together the data of all offices.</translation>
    </message>
    <message>
        <source>Erklärung zum Landratsamt</source>
        <translation>Explanation of the district office</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Einrichtung abbrechen</source>
        <translation>Cancel the set-up</translation>
    </message>
    <message>
        <source>Pfeiltasten wählen · Enter weiter · Esc abbrechen</source>
        <translation>Arrow keys choose · Enter next · Esc cancel</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Einwilligung widerrufen – {name}</source>
        <translation>Withdraw consent – {name}</translation>
    </message>
    <message>
        <source>Einwilligung &amp;widerrufen</source>
        <translation>&amp;Withdraw consent</translation>
    </message>
    <message>
        <source>Einwilligung widerrufen</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>{name} widerruft die Einwilligung in die Weitergabe der Daten (Art. 7 Abs. 3 DSGVO).

• Name und Geburtstag verlassen diese Dienststelle nicht mehr: der nächste Datenaustausch überträgt nur anonyme Angaben, und das Landratsamt löscht Name und Geburtstag, die es schon hat.
• Hier bleibt der Datensatz vollständig; Pass und Einträge bleiben gültig.
• Eine neue Einwilligung kann später wieder erfasst werden.</source>
        <translation>{name} withdraws consent to passing on the data (Art. 7(3) GDPR).

• Names and birth date no longer leave this office: the next data exchange carries anonymous data only, and the district office erases the names and birth date it already holds.
• Here the record stays complete; pass and entries stay valid.
• A new consent can be recorded later.</translation>
    </message>
    <message>
        <source>Was der Widerruf bedeutet</source>
        <translation>What the withdrawal means</translation>
    </message>
</context>
<context>
    <name>accounts_screen</name>
    <message>
        <source>deaktiviert</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>gesperrt nach Fehlversuchen</source>
        <translation>locked after wrong passwords</translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>passapp wurde aktualisiert: Die Datenbank wird gesichert und angepasst. Das geschieht einmal und kann etwas dauern …</source>
        <translation>passapp was updated: the database is being backed up and adapted. This happens once and may take a while …</translation>
    </message>
    <message>
        <source>passapp wurde aktualisiert: Das Suchverzeichnis wird neu aufgebaut. Das geschieht einmal und kann bei vielen Personen eine Weile dauern …</source>
        <translation>passapp was updated: the search index is being rebuilt. This happens once and may take a while with many people …</translation>
    </message>
    <message>
        <source>Bildungs- und Beratungspass</source>
        <translation>Education and Counselling Pass</translation>
    </message>
    <message>
        <source>Datenbank</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>ask_first</name>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Datensicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Fehler beim Schreiben: {reason}</source>
        <translation>Could not write: {reason}</translation>
    </message>
</context>
<context>
    <name>entry_form</name>
    <message>
        <source>Unerwarteter Fehler ({error}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>Unexpected error ({error}). Please tell IT support; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>entry_table</name>
    <message>
        <source>{kind} vom {date}</source>
        <translation>{kind}, {date}</translation>
    </message>
    <message>
        <source>{day}, {time} Uhr</source>
        <translation>{day}, {time}</translation>
    </message>
</context>
<context>
    <name>erase_dialog</name>
    <message>
        <source>Person gelöscht (Art. 17).</source>
        <translation>Person erased (Art. 17).</translation>
    </message>
    <message>
        <source>Widerrufen: {numbers}.</source>
        <translation>Revoked: {numbers}.</translation>
    </message>
    <message>
        <source>Ein anderes Programm liest die Datenbank: bitte schließen, damit alte Kopien der Daten überschrieben werden.</source>
        <translation>Another program is reading the database: please close it so that old copies of the data are overwritten.</translation>
    </message>
</context>
<context>
    <name>holder</name>
    <message>
        <source>gescannter Pass (QR-Code)</source>
        <translation>scanned pass (QR code)</translation>
    </message>
    <message>
        <source>Pass {number} · Inhaber:in hier nicht gespeichert</source>
        <translation>Pass {number} · holder not stored here</translation>
    </message>
    <message>
        <source>Inhaber:in: {name} · Pass {number}</source>
        <translation>Holder: {name} · Pass {number}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>de</source>
        <comment>Code of the translation&apos;s language (ISO 639-1, e.g. en)</comment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>offices_screen</name>
    <message>
        <source>kompromittiert ab {day}</source>
        <translation>compromised from {day}</translation>
    </message>
    <message>
        <source>beantragt</source>
        <translation>requested</translation>
    </message>
    <message>
        <source>stillgelegt</source>
        <translation>retired</translation>
    </message>
    <message>
        <source>abgelaufen</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>gültig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Angemeldet am</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>Pakete erhalten</source>
        <translation>Packages received</translation>
    </message>
    <message>
        <source>{count}, zuletzt am {day}</source>
        <translation>{count}, last on {day}</translation>
    </message>
    <message>
        <source>noch keins</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Schlüssel</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Fingerabdruck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>gültig ab</source>
        <translation>valid from</translation>
    </message>
    <message>
        <source>gültig bis</source>
        <translation>valid until</translation>
    </message>
    <message>
        <source>Zustand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>still: seit {days} Tagen kein Paket</source>
        <translation>silent: no package for {days} days</translation>
    </message>
</context>
<context>
    <name>pass_dialog</name>
    <message>
        <source>Deutsch</source>
        <translation>German</translation>
    </message>
    <message>
        <source>Arabisch</source>
        <translation>Arabic</translation>
    </message>
    <message>
        <source>Englisch</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Persisch (Farsi, Dari)</source>
        <translation>Persian (Farsi, Dari)</translation>
    </message>
    <message>
        <source>Russisch</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>Türkisch</source>
        <translation>Turkish</translation>
    </message>
    <message>
        <source>Ukrainisch</source>
        <translation>Ukrainian</translation>
    </message>
    <message>
        <source>{first} und {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <source>Erstkarte</source>
        <translation>First card</translation>
    </message>
    <message>
        <source>{number}. Ersatzkarte</source>
        <translation>Replacement card {number}</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler ({name}). Bitte die IT-Betreuung informieren; die Einzelheiten stehen im Protokoll.</source>
        <translation>Unexpected error ({name}). Please tell IT support; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>pdf_print</name>
    <message>
        <source>Der Drucker ist nicht bereit. Bitte Drucker und Einstellungen prüfen.</source>
        <translation>The printer is not ready. Please check the printer and its settings.</translation>
    </message>
    <message>
        <source>Der Druckauftrag wurde nicht angenommen: {reason}</source>
        <translation>The printer did not accept the job: {reason}</translation>
    </message>
    <message>
        <source>Drucken</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>peer_table</name>
    <message>
        <source>noch nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{day}, {time} Uhr</source>
        <translation>{day}, {time}</translation>
    </message>
</context>
<context>
    <name>profile</name>
    <message>
        <source>Selbsteinschätzung</source>
        <translation>self-assessment</translation>
    </message>
    <message>
        <source>Einstufungstest</source>
        <translation>placement test</translation>
    </message>
    <message>
        <source>Zertifikat</source>
        <translation>certificate</translation>
    </message>
    <message>
        <source>Hören</source>
        <translation>Listening</translation>
    </message>
    <message>
        <source>Lesen</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Schreiben</source>
        <translation>Writing</translation>
    </message>
    <message>
        <source>Sprechen</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <source>ja, lateinische Schrift</source>
        <translation>yes, Latin script</translation>
    </message>
    <message>
        <source>nur andere Schrift</source>
        <translation>other script only</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>keiner</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Grundschule</source>
        <translation>primary school</translation>
    </message>
    <message>
        <source>Mittelschule / Realschule</source>
        <translation>lower secondary school</translation>
    </message>
    <message>
        <source>weiterführende Schule</source>
        <translation>secondary school</translation>
    </message>
    <message>
        <source>Hochschulreife</source>
        <translation>university entrance qualification</translation>
    </message>
    <message>
        <source>Berufsausbildung</source>
        <translation>Vocational training</translation>
    </message>
    <message>
        <source>Studium</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>nicht beantragt</source>
        <translation>not applied for</translation>
    </message>
    <message>
        <source>beantragt</source>
        <translation>applied for</translation>
    </message>
    <message>
        <source>anerkannt</source>
        <translation>recognised</translation>
    </message>
    <message>
        <source>Schule</source>
        <translation>school</translation>
    </message>
    <message>
        <source>Kurs</source>
        <translation>course</translation>
    </message>
    <message>
        <source>Ausbildung</source>
        <translation>Vocational training</translation>
    </message>
    <message>
        <source>Arbeit</source>
        <translation>work</translation>
    </message>
    <message>
        <source>sucht Arbeit/Ausbildung</source>
        <translation>looking for work/training</translation>
    </message>
    <message>
        <source>Familienarbeit</source>
        <translation>family care</translation>
    </message>
    <message>
        <source>Sprachkurs</source>
        <translation>Language course</translation>
    </message>
    <message>
        <source>Integrationskurs</source>
        <translation>Integration course</translation>
    </message>
    <message>
        <source>Berufssprachkurs</source>
        <translation>Job-related language course</translation>
    </message>
    <message>
        <source>Weiterbildung</source>
        <translation>Further training</translation>
    </message>
    <message>
        <source>Anerkennung</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>Beratung</source>
        <translation>Counselling</translation>
    </message>
    <message>
        <source>Praktikum</source>
        <translation>Internship</translation>
    </message>
    <message>
        <source>Orientierungskurs</source>
        <translation>Orientation course</translation>
    </message>
    <message>
        <source>Prüfung</source>
        <translation>Exam</translation>
    </message>
    <message>
        <source>Ehrenamt</source>
        <translation>Volunteering</translation>
    </message>
    <message>
        <source>Sonstiges</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Teilzeit</source>
        <translation>Part-time</translation>
    </message>
    <message>
        <source>Abendkurs</source>
        <translation>Evening course</translation>
    </message>
    <message>
        <source>Kinderbetreuung</source>
        <translation>Childcare</translation>
    </message>
    <message>
        <source>Deutsch: {level} ({basis}, {year})</source>
        <translation>German: {level} ({basis}, {year})</translation>
    </message>
    <message>
        <source>Alphabetisiert: {value}</source>
        <translation>Literate: {value}</translation>
    </message>
    <message>
        <source>Schuljahre: {value}</source>
        <translation>Years of school: {value}</translation>
    </message>
    <message>
        <source>Schulabschluss: {value}</source>
        <translation>School qualification: {value}</translation>
    </message>
    <message>
        <source>Situation: {value}</source>
        <translation>Situation: {value}</translation>
    </message>
    <message>
        <source>Wünsche: {values}</source>
        <translation>Wishes: {values}</translation>
    </message>
    <message>
        <source>spricht: {values}</source>
        <translation>speaks: {values}</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <source>Nicht möglich</source>
        <translation>Not possible</translation>
    </message>
</context>
<context>
    <name>restore</name>
    <message>
        <source>Sicherung vom {day} zurückgespielt; neue Datenbank-Kennung {database_id}.</source>
        <translation>Backup of {day} restored; new database id {database_id}.</translation>
    </message>
    <message>
        <source>Sicherung zurückgespielt; neue Datenbank-Kennung {database_id}.</source>
        <translation>Backup restored; new database id {database_id}.</translation>
    </message>
    <message>
        <source>Sie wurde vom Stand {revision} aktualisiert.</source>
        <translation>It was upgraded from schema {revision}.</translation>
    </message>
    <message>
        <source>{count} seither gelöschte Personen erneut gelöscht.</source>
        <translation>{count} people erased since were erased again.</translation>
    </message>
    <message>
        <source>Die bisherige Datei bleibt als {name} erhalten.</source>
        <translation>The previous file is kept as {name}.</translation>
    </message>
    <message>
        <source>Bitte neu anmelden.</source>
        <translation>Please log in again.</translation>
    </message>
    <message>
        <source>Sicherung wird zurückgespielt … bitte warten.</source>
        <translation>Restoring the backup … please wait.</translation>
    </message>
    <message>
        <source>Wiederherstellen fehlgeschlagen; die bisherige Datenbank gilt weiter: </source>
        <translation>Restore failed; the previous database stays in use: </translation>
    </message>
</context>
<context>
    <name>review_screen</name>
    <message>
        <source>Name gleich</source>
        <translation>Same name</translation>
    </message>
    <message>
        <source>Name gleich (phonetisch)</source>
        <translation>Same name (by sound)</translation>
    </message>
    <message>
        <source>Name ähnlich</source>
        <translation>Similar name</translation>
    </message>
    <message>
        <source>Vor- und Familienname vertauscht</source>
        <translation>Given and family name swapped</translation>
    </message>
    <message>
        <source>weiterer Name bei einem Eintrag</source>
        <translation>one record has a further name</translation>
    </message>
    <message>
        <source>Name in Originalschrift gleich</source>
        <translation>Same name in the original script</translation>
    </message>
    <message>
        <source>Geburtsdatum gleich</source>
        <translation>Same date of birth</translation>
    </message>
    <message>
        <source>Geburtsmonat gleich, Tag unbekannt</source>
        <translation>Same month of birth, day unknown</translation>
    </message>
    <message>
        <source>Geburtsjahr gleich, Tag und Monat unbekannt</source>
        <translation>Same year of birth, day and month unknown</translation>
    </message>
    <message>
        <source>Geschlecht gleich</source>
        <translation>Same sex</translation>
    </message>
    <message>
        <source>Geschlecht verschieden</source>
        <translation>Different sex</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit gleich</source>
        <translation>Same nationality</translation>
    </message>
    <message>
        <source>weiblich</source>
        <translation>female</translation>
    </message>
    <message>
        <source>männlich</source>
        <translation>male</translation>
    </message>
    <message>
        <source>divers</source>
        <translation>diverse</translation>
    </message>
    <message>
        <source>ohne Angabe</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>gültig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>ersetzt</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>widerrufen</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>keiner</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Familienname</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Vornamen</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Originalschrift</source>
        <translation>Original script</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Staatsangehörigkeit</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Dienststelle</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Erfasst am</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Pässe</source>
        <translation>Passes</translation>
    </message>
    <message>
        <source>Einträge</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Familienname (Suchform)</source>
        <translation>Family name (search form)</translation>
    </message>
    <message>
        <source>Vornamen (Suchform)</source>
        <translation>Given names (search form)</translation>
    </message>
    <message>
        <source>Einreise</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>Sprachen</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Bildungsprofil</source>
        <translation>Learner profile</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kartengeneration</source>
        <translation>Card generation</translation>
    </message>
    <message>
        <source>Widerrufen am</source>
        <translation>Revoked on</translation>
    </message>
    <message>
        <source>Widerrufsgrund</source>
        <translation>Reason for revocation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Karte</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Eintrag</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>zusammengeführt</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation>erased</translation>
    </message>
</context>
<context>
    <name>setup_wizard</name>
    <message>
        <source>Die beiden Passwörter stimmen nicht überein.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>sync_phase</name>
    <message>
        <source>Änderungen einspielen</source>
        <translation>Applying changes</translation>
    </message>
    <message>
        <source>Fertig</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Paket für {code} schreiben</source>
        <translation>Writing the bundle for {code}</translation>
    </message>
</context>
<context>
    <name>sync_view</name>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Überschrift</source>
        <translation>Heading</translation>
    </message>
</context>
</TS>
