<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>输入命令…</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Offline — local only</source>
        <translation>离线 — 仅本地</translation>
    </message>
    <message>
        <source>No team server is configured; everything is saved in the local database.</source>
        <translation>未配置团队服务器，所有数据都保存在本地数据库中。</translation>
    </message>
    <message>
        <source>The database this console works on</source>
        <translation>当前使用的数据库</translation>
    </message>
    <message>
        <source>Counting pending changes</source>
        <translation>正在统计待同步的更改</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>&lt;b&gt;This database is empty.&lt;/b&gt;&lt;br&gt;Load a demo community (2,000 members with groups, tags, reports and activities) to explore the console, or start adding your own members.</source>
        <translation>&lt;b&gt;数据库还是空的。&lt;/b&gt;&lt;br&gt;可以载入一个演示社群（2,000 名成员，含群、标签、举报和活动）来熟悉控制台，或者开始添加你自己的成员。</translation>
    </message>
    <message>
        <source>Load demo community</source>
        <translation>载入演示社群</translation>
    </message>
    <message>
        <source>You are looking at demo data. It stays on this computer and is never sent to a team server.</source>
        <translation>当前为演示数据，只保存在本机，不会同步到团队服务器。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>待处理案件</translation>
    </message>
    <message>
        <source>Active mutes and bans</source>
        <translation>生效中的禁言和封禁</translation>
    </message>
    <message>
        <source>Activities this week</source>
        <translation>本周活动</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation>待同步的更改</translation>
    </message>
    <message>
        <source>Group fill level</source>
        <translation>群容量</translation>
    </message>
    <message>
        <source>Loading dashboard</source>
        <translation>正在加载数据看板</translation>
    </message>
    <message>
        <source>No groups yet.</source>
        <translation>还没有群。</translation>
    </message>
    <message>
        <source>Near its cap — consider splitting</source>
        <translation>接近上限 — 建议分群</translation>
    </message>
    <message>
        <source>Loading demo community</source>
        <translation>正在载入演示社群</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>modconsole — community moderator console</source>
        <translation>modconsole — 社群管理控制台</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Every member, their tags, groups and classes.</source>
        <translation>所有成员及其标签、所在群和分类。</translation>
    </message>
    <message>
        <source>A fast member table with tag chips, filters and saved segments</source>
        <translation>快速的成员列表：标签、筛选和保存的分群</translation>
    </message>
    <message>
        <source>Bulk tagging with undo, and computed layers and churn warnings</source>
        <translation>批量打标签（可撤销），自动计算分层和流失预警</translation>
    </message>
    <message>
        <source>Import from CSV/Excel and export of any filter</source>
        <translation>从 CSV/Excel 导入，按任意筛选导出</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>违规队列</translation>
    </message>
    <message>
        <source>Reports in, decisions out, on the penalty ladder.</source>
        <translation>接收举报，按处罚阶梯作出处理。</translation>
    </message>
    <message>
        <source>A prioritised case queue you work with the keyboard</source>
        <translation>按优先级排序、可全键盘操作的案件队列</translation>
    </message>
    <message>
        <source>Sanctions, appeals by a second moderator and the audit log</source>
        <translation>处罚、由另一位版主复核的申诉，以及审计日志</translation>
    </message>
    <message>
        <source>One case file per member</source>
        <translation>每位成员一份案件档案</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <source>The phrase book: the right words, filled in, on the clipboard.</source>
        <translation>话术库：合适的话术，自动填好，一键复制。</translation>
    </message>
    <message>
        <source>Templates with safe placeholders in Chinese and English</source>
        <translation>中英文模板，使用安全的占位符</translation>
    </message>
    <message>
        <source>Quick insert from any page with one keystroke</source>
        <translation>在任意页面一键快速插入</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>活动策划</translation>
    </message>
    <message>
        <source>The weekly activity table and content calendar.</source>
        <translation>每周群活动表和主题日历。</translation>
    </message>
    <message>
        <source>Week and month views with recurring slots and conflicts</source>
        <translation>周视图和月视图，支持固定时段和冲突提醒</translation>
    </message>
    <message>
        <source>Attendance, rewards, lucky draws and weekly reviews</source>
        <translation>签到、奖励、抽奖和每周复盘</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到%1</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>命令面板…</translation>
    </message>
    <message>
        <source>Load demo community</source>
        <translation>载入演示社群</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Demo community loaded.</source>
        <translation>演示社群已载入。</translation>
    </message>
    <message>
        <source>Database upgraded; the previous file was kept at {path}.</source>
        <translation>数据库已升级，原文件已备份到 {path}。</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Choose another database…</source>
        <translation>选择其他数据库…</translation>
    </message>
    <message>
        <source>modconsole</source>
        <translation>modconsole</translation>
    </message>
    <message>
        <source>Something went wrong: {error}. The console keeps running; details are in the log file.</source>
        <translation>出错了：{error}。控制台仍可继续使用，详细信息已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>{label}: cancelled; nothing was changed.</source>
        <translation>{label}：已取消，没有做任何更改。</translation>
    </message>
    <message>
        <source>{label} failed: {error}. Details are in the log file.</source>
        <translation>{label}失败：{error}。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>正在打开数据库</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming to this page:</source>
        <translation>此页面即将提供：</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Everything is stored in this SQLite file and works offline. Choosing another file, or the default location, takes effect when the console restarts.</source>
        <translation>所有数据都保存在这个 SQLite 文件中，离线也能使用。选择其他文件或默认位置后，重启控制台生效。</translation>
    </message>
    <message>
        <source>Choose another database…</source>
        <translation>选择其他数据库…</translation>
    </message>
    <message>
        <source>Use the default location</source>
        <translation>使用默认位置</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Your changes take effect after a restart.</source>
        <translation>更改将在重启后生效。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Choose a database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <source>modconsole database (*.db);;All files (*)</source>
        <translation>modconsole 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The default database location is used after a restart.</source>
        <translation>重启后将使用默认的数据库位置。</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>modconsole database (*.db)</source>
        <translation>modconsole 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backup written to {path} ({size} bytes).</source>
        <translation>备份已写入 {path}（{size} 字节）。</translation>
    </message>
</context>
</TS>
