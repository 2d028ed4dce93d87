<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>%n entries written to %1.</numerusform>
            <numerusform>%n entries written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkTagDialog</name>
    <message numerus="yes">
        <source>The %n selected members</source>
        <translation>
            <numerusform>The %n selected members</numerusform>
            <numerusform>The %n selected members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message numerus="yes">
        <source>%n to look at</source>
        <translation>
            <numerusform>%n to look at</numerusform>
            <numerusform>%n to look at</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>Moderators, last %n week(s)</source>
        <translation>
            <numerusform>Moderators, last %n week</numerusform>
            <numerusform>Moderators, last %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message numerus="yes">
        <source>Decide %n case(s)</source>
        <translation>
            <numerusform>Decide %n case</numerusform>
            <numerusform>Decide %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members: %1</source>
        <translation>
            <numerusform>%n members: %1</numerusform>
            <numerusform>%n members: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>All %n members matching the current filter.</source>
        <translation>
            <numerusform>All %n members matching the current filter.</numerusform>
            <numerusform>All %n members matching the current filter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n members to {path}.</source>
        <translation>
            <numerusform>Exported %n members to {path}.</numerusform>
            <numerusform>Exported %n members to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message numerus="yes">
        <source>level %n or higher</source>
        <translation>
            <numerusform>level %n or higher</numerusform>
            <numerusform>level %n or higher</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message numerus="yes">
        <source>%n groups</source>
        <translation>
            <numerusform>%n groups</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n near their cap</source>
        <translation>
            <numerusform>%n near their cap</numerusform>
            <numerusform>%n near their cap</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpiCharts</name>
    <message numerus="yes">
        <source>level %n</source>
        <translation>
            <numerusform>level %n</numerusform>
            <numerusform>level %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decided %n case(s): %1.</source>
        <translation>
            <numerusform>Decided %n case: %1.</numerusform>
            <numerusform>Decided %n cases: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickInsertDialog</name>
    <message numerus="yes">
        <source>For %n members</source>
        <translation>
            <numerusform>For %n members</numerusform>
            <numerusform>For %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter copies the first of %n messages; press it again for each next one.</source>
        <translation>
            <numerusform>Enter copies the first of %n messages; press it again for each next one.</numerusform>
            <numerusform>Enter copies the first of %n messages; press it again for each next one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message numerus="yes">
        <source>Used %n time(s).</source>
        <translation>
            <numerusform>Used %n time.</numerusform>
            <numerusform>Used %n times.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) exported.</source>
        <translation>
            <numerusform>%n template exported.</numerusform>
            <numerusform>%n templates exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n members</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n platform id(s).</source>
        <translation>
            <numerusform>Copied %n platform id.</numerusform>
            <numerusform>Copied %n platform ids.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n members</source>
        <translation>
            <numerusform>Tag %n members</numerusform>
            <numerusform>Tag %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Classes recomputed for %n members.</source>
        <translation>
            <numerusform>Classes recomputed for %n members.</numerusform>
            <numerusform>Classes recomputed for %n members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message numerus="yes">
        <source>%n bad rows were skipped and saved to {path}.</source>
        <translation>
            <numerusform>%n bad rows were skipped and saved to {path}.</numerusform>
            <numerusform>%n bad rows were skipped and saved to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n rows have problems (listed below). Fix them in the file, or tick the box above to import the good rows.</source>
        <translation>
            <numerusform>Nothing was imported: %n rows have problems (listed below). Fix them in the file, or tick the box above to import the good rows.</numerusform>
            <numerusform>Nothing was imported: %n rows have problems (listed below). Fix them in the file, or tick the box above to import the good rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SanctionsView</name>
    <message numerus="yes">
        <source>%n sanction(s) in force. Mutes end by themselves; nobody needs to lift them.</source>
        <translation>
            <numerusform>%n sanction in force. Mutes end by themselves; nobody needs to lift them.</numerusform>
            <numerusform>%n sanctions in force. Mutes end by themselves; nobody needs to lift them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message numerus="yes">
        <source>%n tags</source>
        <translation>
            <numerusform>%n tags</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
