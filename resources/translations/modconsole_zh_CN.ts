<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>e.g. 每晚八点话题问答</source>
        <translation>例如：每晚八点话题问答</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every weekday (Mon–Fri)</source>
        <translation>每个工作日（周一至周五）</translation>
    </message>
    <message>
        <source>Every week on this day</source>
        <translation>每周这一天</translation>
    </message>
    <message>
        <source>Every month on this date</source>
        <translation>每月这一日</translation>
    </message>
    <message>
        <source>Custom RFC 5545 rule…</source>
        <translation>自定义 RFC 5545 规则…</translation>
    </message>
    <message>
        <source>Never ends</source>
        <translation>不结束</translation>
    </message>
    <message>
        <source>After a number of times</source>
        <translation>重复若干次后结束</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>到某日结束</translation>
    </message>
    <message>
        <source>(everyone in the groups)</source>
        <translation>（群内全部成员）</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>（无主持人）</translation>
    </message>
    <message>
        <source>optional, e.g. 打卡达人</source>
        <translation>可选，例如：打卡达人</translation>
    </message>
    <message>
        <source>Address, or leave empty for online</source>
        <translation>地址；线上活动留空</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Waitlist when full</source>
        <translation>满员后排队候补</translation>
    </message>
    <message>
        <source>e.g. 打卡</source>
        <translation>例如：打卡</translation>
    </message>
    <message>
        <source>A chat message holding this word, sent during a session, checks its sender in when the chat export is imported.</source>
        <translation>导入聊天记录时，活动进行期间发送的含有这个词的消息会为发送者签到。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>协助人</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Online link</source>
        <translation>线上链接</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>人数上限</translation>
    </message>
    <message>
        <source>Reward points</source>
        <translation>奖励积分</translation>
    </message>
    <message>
        <source>Reward badge</source>
        <translation>奖励徽章</translation>
    </message>
    <message>
        <source>Check-in word</source>
        <translation>打卡口令</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>This rule has no words here; it is used as written.</source>
        <translation>这条规则无法用文字描述，将按原样使用。</translation>
    </message>
</context>
<context>
    <name>ActivityFile</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>报名签到(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Lucky draw</source>
        <translation>抽奖(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Budget</source>
        <translation>预算(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>待办清单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>复盘(&amp;R)</translation>
    </message>
    <message>
        <source>Changing the status</source>
        <translation>正在修改状态</translation>
    </message>
    <message>
        <source>Status is now %1.</source>
        <translation>状态已改为%1。</translation>
    </message>
</context>
<context>
    <name>ActivityList</name>
    <message>
        <source>Filter by title, group, host or place</source>
        <translation>按标题、群、主持人或地点筛选</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>New member</source>
        <translation>新成员</translation>
    </message>
    <message>
        <source>Required: WeChat id, QQ number…</source>
        <translation>必填：微信号、QQ 号…</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Adding a member</source>
        <translation>正在添加成员</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <source>Answer the appeal</source>
        <translation>处理申诉</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; appeals against: %2 (%3, decided by %4).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 申诉的处理：%2（%3，处理人 %4）。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reduce to</source>
        <translation>减轻为</translation>
    </message>
    <message>
        <source>Required: the member is told this</source>
        <translation>必填：会告知成员</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Platform id</source>
        <translation>平台ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Check in selected (Ctrl+I)</source>
        <translation>选中的签到 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Cancel sign-up (Del)</source>
        <translation>取消报名 (Del)</translation>
    </message>
    <message>
        <source>Find a member by name, nickname or id; Enter</source>
        <translation>按姓名、昵称或ID查找成员，回车</translation>
    </message>
    <message>
        <source>Paste names or platform ids here, separated by spaces, commas or lines.</source>
        <translation>在此粘贴姓名或平台ID，用空格、逗号或换行分隔。</translation>
    </message>
    <message>
        <source>Sign up the list (Ctrl+Enter)</source>
        <translation>为名单报名 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Check in the list</source>
        <translation>为名单签到</translation>
    </message>
    <message>
        <source>Read a sign-up sheet…</source>
        <translation>读取报名表…</translation>
    </message>
    <message>
        <source>Loading the attendance</source>
        <translation>正在读取报名签到</translation>
    </message>
    <message>
        <source>%1 signed up, %2 waiting, %3 attended</source>
        <translation>已报名 %1，候补 %2，已签到 %3</translation>
    </message>
    <message>
        <source> · capacity %1</source>
        <translation> · 上限 %1</translation>
    </message>
    <message>
        <source>Nobody is on the list yet. Paste names or ids below, find a member, or read a sign-up sheet (CSV or XLSX).</source>
        <translation>名单还是空的。在下方粘贴姓名或ID、查找成员，或读取报名表（CSV 或 XLSX）。</translation>
    </message>
    <message>
        <source>Check in early?</source>
        <translation>提前签到？</translation>
    </message>
    <message>
        <source>This session has not begun: it starts {when}. Check in anyway?</source>
        <translation>这一场还没开始：{when} 开始。仍要签到吗？</translation>
    </message>
    <message>
        <source>Checking in</source>
        <translation>正在签到</translation>
    </message>
    <message>
        <source>%1 checked in; %2 earned points now.</source>
        <translation>%1 人已签到；本次 %2 人获得积分。</translation>
    </message>
    <message>
        <source>Cancelling the sign-up</source>
        <translation>正在取消报名</translation>
    </message>
    <message>
        <source>Cancelled; %1 moves up from the waiting list.</source>
        <translation>已取消；%1 从候补转为报名。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The list is empty: paste names or platform ids first.</source>
        <translation>名单为空：请先粘贴姓名或平台ID。</translation>
    </message>
    <message>
        <source>Signing up</source>
        <translation>正在报名</translation>
    </message>
    <message>
        <source>(none of them)</source>
        <translation>（都不是）</translation>
    </message>
    <message>
        <source>Which {name}?</source>
        <translation>哪一位{name}？</translation>
    </message>
    <message>
        <source>{count} members are called {name}. Choose the one on the list:</source>
        <translation>有 {count} 名成员叫{name}。请选择名单上的那一位：</translation>
    </message>
    <message>
        <source>%1 signed up, %2 waiting, %3 already on the list, %4 refused (full)</source>
        <translation>报名 %1，候补 %2，已在名单 %3，已满拒绝 %4</translation>
    </message>
    <message>
        <source>Not recognised: %1</source>
        <translation>无法识别：%1</translation>
    </message>
    <message>
        <source>Read a sign-up sheet</source>
        <translation>读取报名表</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the sheet</source>
        <translation>正在读取表格</translation>
    </message>
    <message>
        <source>%1 members read from the sheet; press Sign up or Check in.</source>
        <translation>从表格读出 %1 名成员；请按“报名”或“签到”。</translation>
    </message>
    <message>
        <source>Finding members</source>
        <translation>正在查找成员</translation>
    </message>
    <message>
        <source>No member matches; try part of a name or id.</source>
        <translation>没有匹配的成员；试试姓名或ID的一部分。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Who did what, when, and why. Entries cannot be edited or deleted.</source>
        <translation>谁在何时做了什么、为什么。记录不可修改或删除。</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>处罚</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>规则库</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Lucky draws</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Search reasons and values (Ctrl+F)</source>
        <translation>搜索理由和数值（Ctrl+F）</translation>
    </message>
    <message>
        <source>Export… (Ctrl+E)</source>
        <translation>导出…（Ctrl+E）</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Decisions, lifts, appeals, rule edits and member edits appear here as they happen.</source>
        <translation>暂无记录。处理、解除、申诉、规则修改和成员修改发生后都会记录在这里。</translation>
    </message>
    <message>
        <source>Export the audit log…</source>
        <translation>导出审计日志…</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>搜索审计日志</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>已将 %n 条记录写入 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <source>Line</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>Planned (¥)</source>
        <translation>计划（元）</translation>
    </message>
    <message>
        <source>Actual (¥)</source>
        <translation>实际（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save the budget (Ctrl+S)</source>
        <translation>保存预算 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Loading the budget</source>
        <translation>正在读取预算</translation>
    </message>
    <message>
        <source>Planned ¥%1 · actual ¥%2 · %3</source>
        <translation>计划 ¥%1 · 实际 ¥%2 · %3</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <source>within budget</source>
        <translation>未超预算</translation>
    </message>
    <message>
        <source>Saving the budget</source>
        <translation>正在保存预算</translation>
    </message>
    <message>
        <source>Budget saved.</source>
        <translation>预算已保存。</translation>
    </message>
</context>
<context>
    <name>BulkTagDialog</name>
    <message>
        <source>Tag members</source>
        <translation>给成员打标签</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected members</source>
        <translation>
            <numerusform>选中的 %n 名成员</numerusform>
        </translation>
    </message>
    <message>
        <source>All {count} members matching the filter</source>
        <translation>符合筛选条件的全部 {count} 名成员</translation>
    </message>
    <message>
        <source>New tag… (Ctrl+N)</source>
        <translation>新建标签…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Space or A ticks Add, R ticks Remove. Adding a tag of a one-per-member group replaces the member&apos;s other tag of that group. Ctrl+Z undoes.</source>
        <translation>空格或 A 勾选“添加”，R 勾选“移除”。添加互斥标签组中的标签会替换该成员在这一组中的其他标签。Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Creating a tag</source>
        <translation>正在创建标签</translation>
    </message>
    <message>
        <source>Tick at least one tag to add or remove.</source>
        <translation>请至少勾选一个要添加或移除的标签。</translation>
    </message>
    <message>
        <source>A tag cannot be added and removed at once.</source>
        <translation>同一个标签不能同时添加和移除。</translation>
    </message>
</context>
<context>
    <name>CaseFile</name>
    <message>
        <source>Reported (%1)</source>
        <translation>被举报（%1）</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>处理：%1</translation>
    </message>
    <message>
        <source>Decision taken back</source>
        <translation>处理已撤回</translation>
    </message>
    <message>
        <source>Appeal %1</source>
        <translation>申诉%1</translation>
    </message>
    <message>
        <source>Appeal filed</source>
        <translation>提出申诉</translation>
    </message>
    <message>
        <source>%1 lifted early</source>
        <translation>%1 已提前解除</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Activity (%1)</source>
        <translation>活动（%1）</translation>
    </message>
</context>
<context>
    <name>CaseFileView</name>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>违规处理</translation>
    </message>
    <message>
        <source>Notes and tags</source>
        <translation>备注和标签</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Loading the case file</source>
        <translation>正在加载档案</translation>
    </message>
    <message>
        <source>Nothing on record yet.</source>
        <translation>暂无记录。</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Choose a case on the left, or press J to go down the queue.</source>
        <translation>在左侧选择一个案件，或按 J 沿队列向下。</translation>
    </message>
    <message>
        <source>claimed by %1</source>
        <translation>%1 已认领</translation>
    </message>
    <message>
        <source>aggravated</source>
        <translation>从重</translation>
    </message>
    <message>
        <source>No rule yet: choose one before sanctioning, or dismiss.</source>
        <translation>尚未指定规则：处罚前请先选择规则，或驳回。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Appeal statement</source>
        <translation>申诉内容</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Reports (%1)</source>
        <translation>举报（%1）</translation>
    </message>
    <message>
        <source>Penalty ladder</source>
        <translation>处罚阶梯</translation>
    </message>
    <message>
        <source>No earlier sanctions.</source>
        <translation>此前无处罚。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Appealed decision</source>
        <translation>被申诉的处理</translation>
    </message>
</context>
<context>
    <name>ChatImportWizard</name>
    <message>
        <source>Import a chat export</source>
        <translation>导入聊天记录</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Choose a chat export</source>
        <translation>选择聊天导出文件</translation>
    </message>
    <message>
        <source>Telegram Desktop&apos;s result.json (a group&apos;s history, JSON), QQ&apos;s message record (.txt), or a table of messages (.csv, .xlsx) with time, sender and text columns.</source>
        <translation>Telegram 桌面版导出的 result.json（群聊历史，JSON 格式）、QQ 导出的消息记录（.txt），或包含时间、发送者和内容列的消息表格（.csv、.xlsx）。</translation>
    </message>
    <message>
        <source>Chat export to import</source>
        <translation>要导入的聊天导出文件</translation>
    </message>
    <message>
        <source>Import a chat export</source>
        <translation>导入聊天记录</translation>
    </message>
    <message>
        <source>Chat exports (*.json *.txt *.csv *.xlsx);;All files (*)</source>
        <translation>聊天导出文件 (*.json *.txt *.csv *.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Type a command, in Chinese, English or pinyin…</source>
        <translation>输入命令：中文、英文或拼音…</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Edited in both places</source>
        <translation>两边都改过</translation>
    </message>
    <message>
        <source>These templates were changed here and in the file since they last matched. Tick the ones to replace with the file&apos;s version; the others stay as they are. Nothing is lost: a replaced text goes to the template&apos;s history.</source>
        <translation>这些模板自上次一致以来，本机和文件里都改过。勾选要换成文件版本的模板，其余保持不变。不会丢失任何内容：被替换的文本会进入模板的历史记录。</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
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
        <source>No team server is configured; everything is saved in the local database. Click to sign in.</source>
        <translation>没有配置团队服务器；所有内容都保存在本地数据库中。点击登录。</translation>
    </message>
    <message>
        <source>The database this console works on: {path}</source>
        <translation>本控制台使用的数据库：{path}</translation>
    </message>
    <message>
        <source>Counting pending changes</source>
        <translation>正在统计待同步的更改</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Team: waiting for your choice</source>
        <translation>团队：等待你的选择</translation>
    </message>
    <message>
        <source>Team server unreachable — working offline</source>
        <translation>连不上团队服务器 — 离线工作中</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message numerus="yes">
        <source>%n to look at</source>
        <translation>
            <numerusform>%n 项待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in to {url} as {account}.</source>
        <translation>已以 {account} 身份登录 {url}。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>an import</source>
        <translation>一次导入</translation>
    </message>
    <message>
        <source>bulk tagging</source>
        <translation>批量打标签</translation>
    </message>
    <message>
        <source>the demo loader</source>
        <translation>演示数据加载</translation>
    </message>
    <message>
        <source>a restore</source>
        <translation>一次恢复</translation>
    </message>
    <message>
        <source>another modconsole window</source>
        <translation>另一个 modconsole 窗口</translation>
    </message>
    <message>
        <source>Waiting for %1 to finish writing to this database; your change is saved as soon as it is done.</source>
        <translation>正在等待%1写完数据库；它一结束，你的改动就会保存。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>&lt;b&gt;This database is empty.&lt;/b&gt;&lt;br&gt;Load a demo community (2,000 members with groups, tags, reports and activities) to explore the console, join your team&apos;s server to take its data, or start adding your own members.</source>
        <translation>&lt;b&gt;数据库还是空的。&lt;/b&gt;&lt;br&gt;可以载入一个演示社群（2,000 名成员，含群、标签、举报和活动）来熟悉控制台，加入团队服务器取回团队的数据，或者开始添加你自己的成员。</translation>
    </message>
    <message>
        <source>Load demo community</source>
        <translation>载入演示社群</translation>
    </message>
    <message>
        <source>Join a team…</source>
        <translation>加入团队…</translation>
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
        <source>Open the roster (every member)</source>
        <translation>打开成员名册（全部成员）</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>待处理案件</translation>
    </message>
    <message>
        <source>Open the queue&apos;s cases to decide</source>
        <translation>打开违规队列中待处理的案件</translation>
    </message>
    <message>
        <source>Active mutes and bans</source>
        <translation>生效中的禁言和封禁</translation>
    </message>
    <message>
        <source>Open the sanctions in force</source>
        <translation>打开生效中的处罚</translation>
    </message>
    <message>
        <source>Activities this week</source>
        <translation>本周活动</translation>
    </message>
    <message>
        <source>Open this week&apos;s plan</source>
        <translation>打开本周活动安排</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Open the groups</source>
        <translation>打开群列表</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation>待同步的更改</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Group fill level</source>
        <translation>群容量</translation>
    </message>
    <message numerus="yes">
        <source>Moderators, last %n week(s)</source>
        <translation>
            <numerusform>版主（近 %n 周）</numerusform>
        </translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>版主</translation>
    </message>
    <message>
        <source>Cases decided</source>
        <translation>处理案件数</translation>
    </message>
    <message>
        <source>Median time to decision</source>
        <translation>处理用时中位数</translation>
    </message>
    <message>
        <source>Overturned on appeal</source>
        <translation>申诉后被撤销</translation>
    </message>
    <message>
        <source>Per week: modconsole moderators --weeks N</source>
        <translation>按周查看：modconsole moderators --weeks N</translation>
    </message>
    <message>
        <source>No decisions in these weeks yet.</source>
        <translation>这几周还没有处理决定。</translation>
    </message>
    <message>
        <source>Loading dashboard</source>
        <translation>正在加载数据看板</translation>
    </message>
    <message>
        <source>Counting moderators&apos; decisions</source>
        <translation>正在统计版主的处理决定</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
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
    <name>DateRange</name>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decide case</source>
        <translation>处理案件</translation>
    </message>
    <message numerus="yes">
        <source>Decide %n case(s)</source>
        <translation>
            <numerusform>处理 %n 个案件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members: %1</source>
        <translation>
            <numerusform>%n 名成员：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Record (newest first):</source>
        <translation>记录（最新在前）：</translation>
    </message>
    <message>
        <source>No earlier sanctions.</source>
        <translation>此前无处罚。</translation>
    </message>
    <message>
        <source>Follow the ladder</source>
        <translation>按处罚阶梯</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Required: what happened, in a sentence</source>
        <translation>必填：一句话说明情况</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Required when you leave the ladder</source>
        <translation>偏离处罚阶梯时必填</translation>
    </message>
    <message>
        <source>Why not the ladder</source>
        <translation>不按阶梯的原因</translation>
    </message>
</context>
<context>
    <name>DetectorsForm</name>
    <message>
        <source>One per line or separated by commas, e.g. 赌博，博彩</source>
        <translation>每行一个，或用逗号分隔，例如：赌博，博彩</translation>
    </message>
    <message>
        <source>Matched whatever the case or width (ＶＸ = vx); Latin words match whole words only.</source>
        <translation>不区分大小写和全角半角（ＶＸ = vx）；英文词只匹配完整的词。</translation>
    </message>
    <message>
        <source>Regular expressions, one per line</source>
        <translation>正则表达式，每行一个</translation>
    </message>
    <message>
        <source>links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>WeChat IDs</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>“加V/加微信”</source>
        <translation>“加V/加微信”</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>messages within</source>
        <translation>条消息，在</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒内</translation>
    </message>
    <message>
        <source>times the same text within</source>
        <translation>次相同内容，在</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> mentions in one message</source>
        <translation> 次 @（单条消息）</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>推广</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>刷屏</translation>
    </message>
    <message>
        <source>Repeating</source>
        <translation>重复发送</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>@提及</translation>
    </message>
    <message>
        <source>{rate}% dismissed</source>
        <translation>驳回率 {rate}%</translation>
    </message>
    <message>
        <source>none decided yet</source>
        <translation>尚无处理结果</translation>
    </message>
    <message>
        <source>{kind}: {reports} reports, {dismissed} of {decided} decided were dismissed ({rate})</source>
        <translation>{kind}：{reports} 条举报，已处理 {decided} 条中驳回 {dismissed} 条（{rate}）</translation>
    </message>
    <message>
        <source>Detectors flag matching messages when a chat export is imported (Roster → Import chat…); their reports wait in the queue.</source>
        <translation>导入聊天记录时（成员名册 → 导入聊天记录…），检测器会标记匹配的消息，生成的举报进入违规队列。</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Attendees of this occurrence</source>
        <translation>本场签到成员</translation>
    </message>
    <message>
        <source>empty: a new random seed</source>
        <translation>留空：生成新的随机种子</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>中奖者</translation>
    </message>
    <message>
        <source>Draw from</source>
        <translation>抽奖范围</translation>
    </message>
    <message>
        <source>How many winners</source>
        <translation>中奖人数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Staff and banned members never win. The seed and the pool&apos;s fingerprint are logged so the draw can be re-checked.</source>
        <translation>工作人员和被封禁成员不会中奖。种子和奖池指纹会记录下来，便于复核抽奖。</translation>
    </message>
    <message>
        <source>Draw (Ctrl+D)</source>
        <translation>抽奖 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Verify selected draw</source>
        <translation>复核选中的抽奖</translation>
    </message>
    <message>
        <source>Copy winners</source>
        <translation>复制中奖名单</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>奖池</translation>
    </message>
    <message>
        <source>Loading the draws</source>
        <translation>正在读取抽奖记录</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>分组：%1</translation>
    </message>
    <message>
        <source>%1 members · %2</source>
        <translation>%1 人 · %2</translation>
    </message>
    <message>
        <source>No draws yet. Check members in on the Attendance tab, then press Ctrl+D.</source>
        <translation>还没有抽奖。先在“报名签到”页为成员签到，再按 Ctrl+D。</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>正在抽奖</translation>
    </message>
    <message>
        <source>Winners: %1 (seed %2, pool of %3)</source>
        <translation>中奖：%1（种子 %2，奖池 %3 人）</translation>
    </message>
    <message>
        <source>Choose a draw in the table first.</source>
        <translation>请先在表格中选择一次抽奖。</translation>
    </message>
    <message>
        <source>Re-running the draw</source>
        <translation>正在重跑抽奖</translation>
    </message>
    <message>
        <source>Verified: the same pool and seed give the same winners.</source>
        <translation>复核通过：同样的奖池和种子得出同样的中奖者。</translation>
    </message>
    <message>
        <source>The winners come out the same, but the pool has changed since (check-ins or bans after the draw).</source>
        <translation>中奖者相同，但奖池已有变化（抽奖后有签到或封禁）。</translation>
    </message>
    <message>
        <source>The pool has changed since the draw (check-ins, bans or segment edits), so the seed now picks other winners.</source>
        <translation>抽奖后奖池已变化（签到、封禁或分组修改），同一种子现在会抽出不同的人。</translation>
    </message>
    <message>
        <source>Winners copied.</source>
        <translation>中奖名单已复制。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export members</source>
        <translation>导出成员</translation>
    </message>
    <message numerus="yes">
        <source>All %n members matching the current filter.</source>
        <translation>
            <numerusform>符合当前筛选条件的全部 %n 名成员。</numerusform>
        </translation>
    </message>
    <message>
        <source>The members matching the current filter.</source>
        <translation>符合当前筛选条件的成员。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>.xlsx for Excel, .csv for anything else. Cells that start with = + - @ are written as text, so no formula runs.</source>
        <translation>.xlsx 用于 Excel，.csv 用于其他软件。以 = + - @ 开头的单元格按文本写入，不会执行公式。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n members to {path}.</source>
        <translation>
            <numerusform>已导出 %n 名成员到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting members</source>
        <translation>正在导出成员</translation>
    </message>
</context>
<context>
    <name>ExternalChanges</name>
    <message>
        <source>Looking for changes</source>
        <translation>正在查看其他窗口的改动</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file whose first row names the columns. platform_id (微信号) and name (姓名) are required.</source>
        <translation>第一行为列名的 .csv 或 .xlsx 文件。必须包含 platform_id（微信号）和 name（姓名）。</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Detect (UTF-8, else GBK/GB18030)</source>
        <translation>自动识别（UTF-8，否则 GBK/GB18030）</translation>
    </message>
    <message>
        <source>Text encoding (CSV only)</source>
        <translation>文本编码（仅 CSV）</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>导入成员</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Search: {text}</source>
        <translation>搜索：{text}</translation>
    </message>
    <message>
        <source>Tag: {name}</source>
        <translation>标签：{name}</translation>
    </message>
    <message>
        <source>Any tag: {name}</source>
        <translation>任一标签：{name}</translation>
    </message>
    <message>
        <source>Without: {name}</source>
        <translation>不含：{name}</translation>
    </message>
    <message>
        <source>Tag group: {name}</source>
        <translation>标签组：{name}</translation>
    </message>
    <message>
        <source>Group: {name}</source>
        <translation>群：{name}</translation>
    </message>
    <message>
        <source>Churn warning ≥ {level}</source>
        <translation>流失预警 ≥ {level}</translation>
    </message>
    <message>
        <source>Region: {name}</source>
        <translation>地区：{name}</translation>
    </message>
    <message>
        <source>Joined {low} – {high}</source>
        <translation>入群 {low} – {high}</translation>
    </message>
    <message>
        <source>Active {low} – {high}</source>
        <translation>活跃 {low} – {high}</translation>
    </message>
    <message>
        <source>Points {low} – {high}</source>
        <translation>积分 {low} – {high}</translation>
    </message>
    <message>
        <source>Paid {low} – {high} yuan</source>
        <translation>付费 {low} – {high} 元</translation>
    </message>
    <message>
        <source>Filtered by:</source>
        <translation>筛选条件：</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>去掉这个条件</translation>
    </message>
    <message>
        <source>Clear all (Ctrl+Shift+L)</source>
        <translation>全部清除（Ctrl+Shift+L）</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every condition (Ctrl+Shift+L)</source>
        <translation>清除所有条件 (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>has all ticked tags</source>
        <translation>包含所有勾选的标签</translation>
    </message>
    <message>
        <source>has any ticked tag</source>
        <translation>包含任一勾选的标签</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>not</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>所在群</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>成长阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <source>level %n or higher</source>
        <translation>
            <numerusform>%n 级及以上</numerusform>
        </translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>any region</source>
        <translation>不限地区</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群时间</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>最近活跃</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>消费（元）</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（未分组）</translation>
    </message>
    <message>
        <source>Has some tag of this group</source>
        <translation>有该组中的任一标签</translation>
    </message>
</context>
<context>
    <name>GroupKinds</name>
    <message>
        <source>funnel</source>
        <translation>引流群</translation>
    </message>
    <message>
        <source>newcomers</source>
        <translation>新用户群</translation>
    </message>
    <message>
        <source>training camp</source>
        <translation>训练营</translation>
    </message>
    <message>
        <source>core/VIP</source>
        <translation>核心/VIP群</translation>
    </message>
    <message>
        <source>regional</source>
        <translation>地区群</translation>
    </message>
    <message>
        <source>spend tier</source>
        <translation>消费档位群</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <source>New group…</source>
        <translation>新建群…</translation>
    </message>
    <message>
        <source>Rename… (F2)</source>
        <translation>改名…（F2）</translation>
    </message>
    <message>
        <source>Cap…</source>
        <translation>人数上限…</translation>
    </message>
    <message>
        <source>Archive… (Del)</source>
        <translation>归档…（Del）</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>满员度</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>群改名</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>Renaming a group</source>
        <translation>正在给群改名</translation>
    </message>
    <message>
        <source>Group cap</source>
        <translation>群人数上限</translation>
    </message>
    <message>
        <source>Members at which {name} should split (now {members}):</source>
        <translation>{name} 达到多少人时应拆分（现有 {members} 人）：</translation>
    </message>
    <message>
        <source>Changing a group&apos;s cap</source>
        <translation>正在修改群人数上限</translation>
    </message>
    <message>
        <source>Archive group</source>
        <translation>归档群</translation>
    </message>
    <message>
        <source>Archive {name} ({members} members)? It leaves the lists and pickers; members keep their other groups, and the audit log keeps its history.</source>
        <translation>归档 {name}（{members} 名成员）？它将不再出现在列表和选择框中；成员保留其他所在群，审计日志保留其历史。</translation>
    </message>
    <message>
        <source>Archiving a group</source>
        <translation>正在归档群</translation>
    </message>
    <message>
        <source>Loading groups</source>
        <translation>正在载入群</translation>
    </message>
    <message>
        <source>Near its cap: split the group or open a new one.</source>
        <translation>接近上限：请拆分或新开一个群。</translation>
    </message>
    <message numerus="yes">
        <source>%n groups</source>
        <translation>
            <numerusform>%n 个群</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n near their cap</source>
        <translation>
            <numerusform>%n 个接近上限</numerusform>
        </translation>
    </message>
    <message>
        <source>No groups yet: create one with New group…</source>
        <translation>还没有群：用“新建群…”创建一个</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建群</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Creating a group</source>
        <translation>正在创建群</translation>
    </message>
    <message>
        <source>There are no groups yet; create one on the Groups tab.</source>
        <translation>还没有群；请在“群”标签页创建。</translation>
    </message>
    <message>
        <source>Move to group</source>
        <translation>移到群</translation>
    </message>
    <message>
        <source>Take the {count} selected members out of</source>
        <translation>将选中的 {count} 名成员移出</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>加入群</translation>
    </message>
    <message>
        <source>Put the {count} selected members in</source>
        <translation>将选中的 {count} 名成员加入</translation>
    </message>
    <message>
        <source>{added} added, {removed} moved out.</source>
        <translation>已加入 {added} 人，移出 {removed} 人。</translation>
    </message>
    <message>
        <source>The group is now {count} over its cap.</source>
        <translation>该群现已超出上限 {count} 人。</translation>
    </message>
    <message>
        <source>Changing groups</source>
        <translation>正在调整群</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of “{title}”</source>
        <translation>“{title}”的历史版本</translation>
    </message>
    <message>
        <source>{when} — replaced by {who}</source>
        <translation>{when} — 由 {who} 替换</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>No earlier versions: this template has not been edited since it was created.</source>
        <translation>没有更早的版本：此模板创建后未被修改过。</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import members</source>
        <translation>导入成员</translation>
    </message>
</context>
<context>
    <name>IntroduceBar</name>
    <message>
        <source>Welcome! Tell your team who you are: this name signs your notices, claims and decisions.</source>
        <translation>欢迎！告诉团队你是谁：这个名字会署在你发出的通知、认领和处理决定上。</translation>
    </message>
    <message>
        <source>Display name, e.g. 王浩然</source>
        <translation>显示名，例如：王浩然</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Type the name your team and members know you by.</source>
        <translation>请填写团队和成员认识你的名字。</translation>
    </message>
</context>
<context>
    <name>KeysetModel</name>
    <message>
        <source>Counting</source>
        <translation>正在计数</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
</context>
<context>
    <name>KpiCharts</name>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存</translation>
    </message>
    <message>
        <source>Layers and spend</source>
        <translation>分层与消费</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>治理</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>joins</source>
        <translation>入群</translation>
    </message>
    <message>
        <source>leaves</source>
        <translation>退群</translation>
    </message>
    <message>
        <source>net</source>
        <translation>净增</translation>
    </message>
    <message>
        <source>In these days: {joins} joined, {leaves} left, net {net:+}; members {first:,} → {last:,}.</source>
        <translation>这段时间：入群 {joins}，退群 {leaves}，净增 {net:+}；成员 {first:,} → {last:,}。</translation>
    </message>
    <message>
        <source>Active within 7 and 30 days (% of members)</source>
        <translation>7 天和 30 天内活跃（占成员 %）</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>Members per churn warning level</source>
        <translation>各流失预警等级的成员数</translation>
    </message>
    <message numerus="yes">
        <source>level %n</source>
        <translation>
            <numerusform>%n 级</numerusform>
        </translation>
    </message>
    <message>
        <source>Care messages sent, and of them followed by a message within 14 days</source>
        <translation>发出的关怀消息，及其中 14 天内成员再次发言的</translation>
    </message>
    <message>
        <source>care messages</source>
        <translation>关怀消息</translation>
    </message>
    <message>
        <source>came back</source>
        <translation>已回归</translation>
    </message>
    <message>
        <source>On the last day: {rate7} active within 7 days, {rate30} within 30; churn warnings: level 1 {l1}, level 2 {l2}, level 3 {l3}, level 4 {l4}. Only chat imports say who was active.</source>
        <translation>最后一天：7 天内活跃 {rate7}，30 天内活跃 {rate30}；流失预警：1 级 {l1}，2 级 {l2}，3 级 {l3}，4 级 {l4}。活跃情况仅来自导入的聊天记录。</translation>
    </message>
    <message>
        <source>{sent} care messages copied for members; {back} of them came back within 14 days ({rate}).</source>
        <translation>为成员复制了 {sent} 条关怀消息；其中 {back} 位成员在 14 天内回归（{rate}）。</translation>
    </message>
    <message>
        <source>Share of each join week&apos;s members active k weeks later (%)</source>
        <translation>各入群周的成员在第 k 周仍活跃的占比（%）</translation>
    </message>
    <message>
        <source>{week} ({size})</source>
        <translation>{week}（{size}）</translation>
    </message>
    <message>
        <source> ({hint})</source>
        <translation>（{hint}）</translation>
    </message>
    <message>
        <source>Joins and leaves per day</source>
        <translation>每日入群与退群</translation>
    </message>
    <message>
        <source>Joins and leaves per week</source>
        <translation>每周入群与退群</translation>
    </message>
    <message>
        <source>Joins and leaves per month</source>
        <translation>每月入群与退群</translation>
    </message>
    <message>
        <source>click a bar for the members who joined</source>
        <translation>点击柱形查看入群的成员</translation>
    </message>
    <message>
        <source>Rows: the Monday of the join week (members who joined). Columns: weeks after joining, 0 being the join week.</source>
        <translation>行：入群周的周一（入群人数）。列：入群后的第几周，0 为入群当周。</translation>
    </message>
    <message>
        <source>No member joined in these days.</source>
        <translation>这段时间没有成员入群。</translation>
    </message>
    <message>
        <source>click a row for its members</source>
        <translation>点击一行查看这些成员</translation>
    </message>
    <message>
        <source>Layers (% of all members)</source>
        <translation>分层（占全部成员 %）</translation>
    </message>
    <message>
        <source>Paying members: share and new ones</source>
        <translation>付费成员：占比与新增</translation>
    </message>
    <message>
        <source>new paying</source>
        <translation>新增付费</translation>
    </message>
    <message>
        <source>% paying</source>
        <translation>付费占比</translation>
    </message>
    <message>
        <source>Paying members by total spent</source>
        <translation>按累计消费划分的付费成员</translation>
    </message>
    <message>
        <source>¥0.01–99</source>
        <translation>¥0.01–99</translation>
    </message>
    <message>
        <source>¥100–499</source>
        <translation>¥100–499</translation>
    </message>
    <message>
        <source>¥500–1,999</source>
        <translation>¥500–1,999</translation>
    </message>
    <message>
        <source>¥2,000+</source>
        <translation>¥2,000 以上</translation>
    </message>
    <message>
        <source>The layer and spend a member is in now, counted from the day they joined (no history of either is kept). On the last day {paying:,} of {members:,} members pay ({share}); {new} new paying members in these days.</source>
        <translation>按成员当前所在分层和消费档，从其入群之日起计（两者都不保留历史）。最后一天 {members:,} 名成员中 {paying:,} 名付费（{share}）；这段时间新增付费成员 {new} 名。</translation>
    </message>
    <message>
        <source>This tab is the whole community&apos;s.</source>
        <translation>此页为全社群的数据。</translation>
    </message>
    <message>
        <source>Sessions, sign-ups and check-ins per day</source>
        <translation>每日场次、报名与签到</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>sign-ups</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>In these days: {sessions} sessions, {signups} sign-ups, {checkins} check-ins (participation {rate} of sign-ups); budget planned ¥{planned:,.2f}, spent ¥{spent:,.2f}.</source>
        <translation>这段时间：{sessions} 场活动，报名 {signups}，签到 {checkins}（到场率 {rate}）；预算计划 ¥{planned:,.2f}，实际花费 ¥{spent:,.2f}。</translation>
    </message>
    <message>
        <source>Reports in, cases decided and overdue</source>
        <translation>收到举报、处理案件与超时</translation>
    </message>
    <message>
        <source>click a day for its cases</source>
        <translation>点击某天查看其案件</translation>
    </message>
    <message>
        <source>Sanctions by rule category</source>
        <translation>按规则类别的处罚</translation>
    </message>
    <message>
        <source>click a bar for its cases</source>
        <translation>点击柱形查看其案件</translation>
    </message>
    <message>
        <source>reports in</source>
        <translation>收到举报</translation>
    </message>
    <message>
        <source>cases decided</source>
        <translation>处理案件</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Hours from first report to decision: median and 90th percentile</source>
        <translation>从首次举报到处理的小时数：中位数与第 90 百分位</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第 90 百分位</translation>
    </message>
    <message>
        <source>Appeals and detector reports</source>
        <translation>申诉与检测器举报</translation>
    </message>
    <message>
        <source>appeals</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>overturned</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>detector reports</source>
        <translation>检测器举报</translation>
    </message>
    <message>
        <source>detector cases dismissed</source>
        <translation>检测器案件被驳回</translation>
    </message>
    <message>
        <source>In these days: {reports} reports in, {decided} cases decided ({sla} within the SLA); {sanctions} sanctions; {appeals} appeals decided, {overturned} overturned ({rate}); detector cases decided {detector}, dismissed {dismissed} ({dismiss_rate}).</source>
        <translation>这段时间：收到举报 {reports}，处理案件 {decided}（{sla} 在时限内）；处罚 {sanctions}；申诉处理 {appeals}，撤销 {overturned}（{rate}）；检测器案件处理 {detector}，驳回 {dismissed}（{dismiss_rate}）。</translation>
    </message>
    <message>
        <source>target {value:g} by {deadline}</source>
        <translation>目标 {value:g}（{deadline} 前）</translation>
    </message>
    <message>
        <source>core</source>
        <translation>核心层</translation>
    </message>
    <message>
        <source>potential</source>
        <translation>潜力层</translation>
    </message>
    <message>
        <source>base</source>
        <translation>基础层</translation>
    </message>
    <message>
        <source>Joined the week of {week}: week {k} has not begun.</source>
        <translation>{week} 当周入群：第 {k} 周尚未开始。</translation>
    </message>
    <message>
        <source>Joined the week of {week}: {active} of {size} active in week {k} ({share}).</source>
        <translation>{week} 当周入群：第 {k} 周 {size} 人中 {active} 人活跃（{share}）。</translation>
    </message>
    <message>
        <source>{first} to {last}: {joins} joined, {leaves} left, net {net:+}</source>
        <translation>{first} 至 {last}：入群 {joins}，退群 {leaves}，净增 {net:+}</translation>
    </message>
    <message>
        <source>{count:,} paying members</source>
        <translation>{count:,} 名付费成员</translation>
    </message>
    <message>
        <source>{category}: {count} sanctions in these days</source>
        <translation>{category}：这段时间处罚 {count} 次</translation>
    </message>
    <message>
        <source>{day}: {members} members, {joins} joined, {leaves} left · active {rate7} (7 days), {rate30} (30 days) · {reports} reports in, {decided} decided ({in_sla} within the SLA, median {median}), {overdue} overdue · {sessions} sessions, {signups} sign-ups, {checkins} check-ins</source>
        <translation>{day}：成员 {members}，入群 {joins}，退群 {leaves} · 活跃 {rate7}（7 天）、{rate30}（30 天） · 收到举报 {reports}，处理 {decided}（时限内 {in_sla}，中位 {median}），超时 {overdue} · {sessions} 场活动，报名 {signups}，签到 {checkins}</translation>
    </message>
    <message>
        <source>{hours:.1f} h</source>
        <translation>{hours:.1f} 小时</translation>
    </message>
</context>
<context>
    <name>LadderDialog</name>
    <message>
        <source>Default penalty ladder</source>
        <translation>默认处罚阶梯</translation>
    </message>
    <message>
        <source>Steps separated by commas: warn, mute:1, mute:7, mute:15, mute (permanent), remove, ban</source>
        <translation>各级用逗号分隔：warn（警告）、mute:1、mute:7、mute:15（禁言天数）、mute（永久禁言）、remove（移出群）、ban（封禁）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 级</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Offences count for</source>
        <translation>违规计入时长</translation>
    </message>
    <message>
        <source>Step back one rung after</source>
        <translation>无违规多久后降一级</translation>
    </message>
    <message>
        <source>Aggravated rules jump</source>
        <translation>从重规则跳</translation>
    </message>
    <message>
        <source>Cannot save: %1.</source>
        <translation>无法保存：%1。</translation>
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
        <source>Queue</source>
        <translation>违规队列</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>活动策划</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>规则库</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
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
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Today&apos;s backup is saved.</source>
        <translation>今天的备份已保存。</translation>
    </message>
    <message>
        <source>Today&apos;s backup failed: {reason}</source>
        <translation>今天的备份失败：{reason}</translation>
    </message>
    <message>
        <source>Demo community loaded.</source>
        <translation>演示社群已载入。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>{path} is signed in to the team; the console opens it after a restart, and its first sync takes the team&apos;s data. This file stays as it is.</source>
        <translation>{path} 已登录团队；重启后控制台打开它，首次同步会取回团队的数据。当前文件保持不变。</translation>
    </message>
    <message>
        <source>Part of the console could not be loaded ({page}): {error}. Reinstalling modconsole may help; details are in the log file.</source>
        <translation>控制台的一部分（{page}）无法加载：{error}。重新安装 modconsole 也许能解决；详情见日志文件。</translation>
    </message>
    <message>
        <source>Database upgraded; the previous file was kept at {path}.</source>
        <translation>数据库已升级，原文件已备份到 {path}。</translation>
    </message>
    <message>
        <source>Loading your profile</source>
        <translation>正在读取你的资料</translation>
    </message>
    <message>
        <source>Saved. The console speaks the new language after a restart.</source>
        <translation>已保存。重启后控制台将切换到新的语言。</translation>
    </message>
    <message>
        <source>Saved: you appear as {name}.</source>
        <translation>已保存：你将显示为 {name}。</translation>
    </message>
    <message>
        <source>Saving your profile</source>
        <translation>正在保存你的资料</translation>
    </message>
    <message>
        <source>Restore the newest backup…</source>
        <translation>恢复最新备份…</translation>
    </message>
    <message>
        <source>Salvage into a new file…</source>
        <translation>抢救到新文件…</translation>
    </message>
    <message>
        <source>There is no automatic backup of this database yet. Salvage what is readable into a new file instead.</source>
        <translation>这个数据库还没有自动备份。请改为把可读的部分抢救到新文件。</translation>
    </message>
    <message>
        <source>Salvage into a new database</source>
        <translation>抢救到新数据库</translation>
    </message>
    <message>
        <source>modconsole database (*.db)</source>
        <translation>modconsole 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Salvaging the database</source>
        <translation>正在抢救数据库</translation>
    </message>
    <message>
        <source>{copied} rows were copied into {path} ({lost} unreadable rows or ranges left behind). The console opens it after a restart.</source>
        <translation>已把 {copied} 行复制到 {path}（有 {lost} 处无法读取的行或区段未能带出）。重启后控制台会打开它。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Go to {page}</source>
        <translation>转到{page}</translation>
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
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Each column&apos;s field was guessed from its name; change any that are wrong. Tags and groups may be separated by ; , ；or ，</source>
        <translation>已按列名推测每列对应的字段，如有不对请修改。标签和群可用 ; , ；或 ， 分隔</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Not imported: {columns}. Choose a field above to bring a column in.</source>
        <translation>未导入：{columns}。在上方为该列选择字段即可导入。</translation>
    </message>
    <message>
        <source>Two columns are mapped to {field}.</source>
        <translation>有两列都对应到了 {field}。</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Select a member to see their profile, tags, groups, points and notes.</source>
        <translation>选择一名成员，查看资料、标签、所在群、积分和备注。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Group nickname</source>
        <translation>群昵称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>所在群</translation>
    </message>
    <message>
        <source>Class and why</source>
        <translation>类别及原因</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>More fields</source>
        <translation>更多字段</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Staff notes</source>
        <translation>管理备注</translation>
    </message>
    <message>
        <source>Write a note for the team (Ctrl+Enter saves)</source>
        <translation>写一条团队备注（Ctrl+Enter 保存）</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Loading the member</source>
        <translation>正在载入成员</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>还没有标签。</translation>
    </message>
    <message>
        <source>In no group.</source>
        <translation>不在任何群中。</translation>
    </message>
    <message>
        <source>Not classified yet: run “Recompute classes” on the roster.</source>
        <translation>尚未分类：请在成员名册中运行“重新计算分类”。</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>No chat activity yet: import a chat export (Roster → Import chat…) to see messages per day and streaks.</source>
        <translation>还没有聊天活跃数据：导入聊天记录（成员名册 → 导入聊天记录…）后，可以看到每日发言数和连续活跃天数。</translation>
    </message>
    <message>
        <source>Messages per day, last {days} days · {recent} in that time. Last active {last} · {streak} days in a row · {total} messages on {active} days since {first}.</source>
        <translation>最近 {days} 天每日发言数 · 期间共 {recent} 条。最后活跃 {last} · 连续活跃 {streak} 天 · 自 {first} 起在 {active} 天里共发言 {total} 条。</translation>
    </message>
    <message>
        <source>Saving the member</source>
        <translation>正在保存成员</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Saving the note</source>
        <translation>正在保存备注</translation>
    </message>
    <message>
        <source>Select a note to delete.</source>
        <translation>请选择要删除的备注。</translation>
    </message>
    <message>
        <source>Deleting the note</source>
        <translation>正在删除备注</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+%1 more</source>
        <translation>还有 %1 项</translation>
    </message>
    <message>
        <source>ends here</source>
        <translation>结束于此</translation>
    </message>
</context>
<context>
    <name>NumberRange</name>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Read-only: this database&apos;s file, folder or disk cannot be written, so nothing can be changed. You can browse, search and export. To make changes, copy it to a folder you can write to and open the copy (Settings → Database).</source>
        <translation>只读：这个数据库的文件、文件夹或磁盘无法写入，所以不能做任何修改。你仍可以浏览、搜索和导出。如需修改，请把它复制到可写的文件夹，再打开副本（设置 → 数据库）。</translation>
    </message>
    <message>
        <source>The database file is damaged, so nothing more is written to it; what is undamaged can still be read and exported. Restore the newest automatic backup, or salvage what is readable into a new file.</source>
        <translation>数据库文件已损坏，因此不再向其中写入；未损坏的部分仍可读取和导出。请恢复最新的自动备份，或把可读的部分抢救到新文件。</translation>
    </message>
    <message>
        <source>{label}: another modconsole window or command kept the database busy for {minutes} minutes, so nothing was written. Let it finish (or close it) and try again.</source>
        <translation>{label}：另一个 modconsole 窗口或命令占用数据库已达 {minutes} 分钟，所以没有写入任何内容。请等它完成（或关闭它）后再试。</translation>
    </message>
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
    <name>PeopleBox</name>
    <message>
        <source>People</source>
        <translation>成员账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号状态</translation>
    </message>
    <message>
        <source>Add a colleague…</source>
        <translation>添加同事…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Reading the team</source>
        <translation>正在读取团队</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Accounts are managed by the team&apos;s admins.</source>
        <translation>账号由团队管理员管理。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add a colleague</source>
        <translation>添加同事</translation>
    </message>
    <message>
        <source>Their name, as the team knows them</source>
        <translation>同事的名字（团队里大家怎么称呼他）</translation>
    </message>
    <message>
        <source>Disable {name}? Their consoles are signed out at once; what they did stays, and you can enable the account again.</source>
        <translation>停用 {name}？其控制台会立即退出登录；其操作记录保留，之后可以重新启用该账号。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Give {name} a new password? Their consoles are signed out until they sign in with it.</source>
        <translation>给 {name} 设置新密码？在用新密码登录之前，其控制台会保持退出状态。</translation>
    </message>
    <message>
        <source>Password for {name}</source>
        <translation>{name} 的密码</translation>
    </message>
    <message>
        <source>Give {name} this password, once and privately. It is not kept on this computer; they sign in with it on the Team page.</source>
        <translation>请私下把这个密码交给 {name}，只此一次。这台电脑不会保存它；对方在“团队”页面用它登录。</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Choose days</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The first day is after the last.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Choose at most three years.</source>
        <translation>最多选择三年。</translation>
    </message>
</context>
<context>
    <name>PeriodReview</name>
    <message>
        <source>The week or month shown</source>
        <translation>当前显示的周或月</translation>
    </message>
    <message>
        <source>Its quarter (季度调整)</source>
        <translation>所在季度（季度调整）</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人次</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化</translation>
    </message>
    <message>
        <source>Budget: planned / actual (¥)</source>
        <translation>预算：计划 / 实际（元）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Nothing ran in this period. Plan activities on the Week or Month tab.</source>
        <translation>这段时间没有活动。请在“周视图”或“月视图”中安排活动。</translation>
    </message>
</context>
<context>
    <name>PhrasebookSettingsDialog</name>
    <message>
        <source>Phrase book settings</source>
        <translation>话术库设置</translation>
    </message>
    <message>
        <source>Team templates need a lead&apos;s approval before use</source>
        <translation>团队模板需经负责人审核后才能使用</translation>
    </message>
    <message>
        <source>Your role on this console: {role} (change it in Settings → You).</source>
        <translation>你在本控制台的角色：{role}（在 设置 → 你 中修改）。</translation>
    </message>
    <message>
        <source>Length limits (0 = none). A preview over its category&apos;s limit is marked in red.</source>
        <translation>长度上限（0 表示不限）。预览超出所属类别的上限时标红。</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <source>Bytes (UTF-8)</source>
        <translation>字节数（UTF-8）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>PlannerLabels</name>
    <message>
        <source>Lecture</source>
        <translation>讲座</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>网络研讨会</translation>
    </message>
    <message>
        <source>Live stream</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Q&amp;A contest</source>
        <translation>有奖问答</translation>
    </message>
    <message>
        <source>Lucky draw</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Check-in challenge</source>
        <translation>打卡挑战</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Topic discussion</source>
        <translation>话题讨论</translation>
    </message>
    <message>
        <source>Red-packet round</source>
        <translation>红包活动</translation>
    </message>
    <message>
        <source>Contest</source>
        <translation>比赛</translation>
    </message>
    <message>
        <source>Meetup</source>
        <translation>线下聚会</translation>
    </message>
    <message>
        <source>Salon</source>
        <translation>沙龙</translation>
    </message>
    <message>
        <source>Tasting</source>
        <translation>品鉴会</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>出游</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>工作坊</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>构思</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人力</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>推广</translation>
    </message>
    <message>
        <source>Prizes</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>PlannerPage</name>
    <message>
        <source>Planner</source>
        <translation>活动策划</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部群</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Clashes this week</source>
        <translation>本周冲突</translation>
    </message>
    <message>
        <source>Previous week or month (PgUp)</source>
        <translation>上一周或上一月 (PgUp)</translation>
    </message>
    <message>
        <source>Next week or month (PgDn)</source>
        <translation>下一周或下一月 (PgDn)</translation>
    </message>
    <message>
        <source>Today (T)</source>
        <translation>今天 (T)</translation>
    </message>
    <message>
        <source>New (N)</source>
        <translation>新建 (N)</translation>
    </message>
    <message>
        <source>Activity file (A)</source>
        <translation>活动档案 (A)</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Save as image or PDF… (Ctrl+E)</source>
        <translation>存为图片或 PDF… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export .ics / CSV / XLSX…</source>
        <translation>导出 .ics / CSV / XLSX…</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>导入 .ics…</translation>
    </message>
    <message>
        <source>Themes and required days…</source>
        <translation>主题与必排日…</translation>
    </message>
    <message>
        <source>Delete activity (Ctrl+Del)</source>
        <translation>删除活动 (Ctrl+Del)</translation>
    </message>
    <message>
        <source>Double-click or press N to plan; drag to move, drag the edge to resize. For a recurring slot a drag moves this occurrence; Shift+drag moves them all.</source>
        <translation>双击或按 N 新建；拖动可移动，拖动边缘可调整时长。周期活动拖动只移动这一场；按住 Shift 拖动则整体移动。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月视图</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Previous week or month</source>
        <translation>上一周或上个月</translation>
    </message>
    <message>
        <source>Next week or month</source>
        <translation>下一周或下个月</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Activity file (attendance, draw, budget)</source>
        <translation>活动档案（签到、抽奖、预算）</translation>
    </message>
    <message>
        <source>Skip this occurrence</source>
        <translation>跳过这一场</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Announcement for the group</source>
        <translation>群公告</translation>
    </message>
    <message>
        <source>Save the week as a picture or PDF</source>
        <translation>将本周保存为图片或 PDF</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Quarterly review (季度调整) %1</source>
        <translation>季度调整 %1</translation>
    </message>
    <message>
        <source>Loading the quarter</source>
        <translation>正在加载季度数据</translation>
    </message>
    <message>
        <source>Loading the plan</source>
        <translation>正在读取计划</translation>
    </message>
    <message>
        <source>Weekly review (周复盘) %1</source>
        <translation>周复盘 %1</translation>
    </message>
    <message>
        <source>Monthly summary (月总结) %1</source>
        <translation>月总结 %1</translation>
    </message>
    <message>
        <source>Clashes this month</source>
        <translation>本月冲突</translation>
    </message>
    <message>
        <source>%1 has nothing planned on %2</source>
        <translation>%1 在 %2 没有安排活动</translation>
    </message>
    <message>
        <source>%1 is in two activities at %2: %3 and %4</source>
        <translation>%1 在 %2 同时有两个活动：%3 和 %4</translation>
    </message>
    <message>
        <source>%1 hosts two activities at %2: %3 and %4</source>
        <translation>%1 在 %2 要同时主持两个活动：%3 和 %4</translation>
    </message>
    <message>
        <source>No clashes: no group or host is double-booked.</source>
        <translation>没有冲突：没有群或主持人被重复安排。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No activity chosen.&lt;/b&gt;&lt;br&gt;Click one, or press J/K to step through the week. Press N or double-click an empty slot to plan a new one.</source>
        <translation>&lt;b&gt;未选择活动。&lt;/b&gt;&lt;br&gt;点击一个活动，或按 J/K 逐个查看。按 N 或双击空白时段新建活动。</translation>
    </message>
    <message>
        <source>no groups</source>
        <translation>未指定群</translation>
    </message>
    <message>
        <source>Recurring slot: %1</source>
        <translation>重复活动：%1</translation>
    </message>
    <message>
        <source>A: attendance, lucky draw, budget, checklist, review</source>
        <translation>A：报名签到、抽奖、预算、待办、复盘</translation>
    </message>
    <message>
        <source>Opening the activity</source>
        <translation>正在打开活动</translation>
    </message>
    <message>
        <source>Saving the activity</source>
        <translation>正在保存活动</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Moving the activity</source>
        <translation>正在移动活动</translation>
    </message>
    <message>
        <source>Skipping the occurrence</source>
        <translation>正在跳过这一次</translation>
    </message>
    <message>
        <source>Skipped %1 on %2.</source>
        <translation>已跳过 %2 的 %1。</translation>
    </message>
    <message>
        <source>Deleting the activity</source>
        <translation>正在删除活动</translation>
    </message>
    <message>
        <source>Deleted %1 (every occurrence). Ctrl+Z brings it back.</source>
        <translation>已删除 %1（所有场次）。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Nothing to undo: no activity was deleted here.</source>
        <translation>没有可撤销的操作：这里没有删除过活动。</translation>
    </message>
    <message>
        <source>Restoring the activity</source>
        <translation>正在恢复活动</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>已恢复 %1。</translation>
    </message>
    <message>
        <source>Import a calendar</source>
        <translation>导入日历</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar 日历 (*.ics)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>%1: %2 activities added, %3 updated.</source>
        <translation>%1：新增 %2 个活动，更新 %3 个。</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>导出计划</translation>
    </message>
    <message>
        <source>iCalendar (*.ics);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>iCalendar 日历 (*.ics);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the plan</source>
        <translation>正在导出计划</translation>
    </message>
    <message>
        <source>%1 written with %2 entries.</source>
        <translation>已写入 %1，共 %2 条。</translation>
    </message>
    <message>
        <source>Save the calendar</source>
        <translation>保存日历</translation>
    </message>
    <message>
        <source>Activity plan {period}</source>
        <translation>活动安排 {period}</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Choose an activity first (J/K or a click).</source>
        <translation>请先选择活动（J/K 或点击）。</translation>
    </message>
    <message>
        <source>⚠ &apos;%1&apos; cannot be shown: its repeat rule or start cannot be used (%2). Double-click to fix it.</source>
        <translation>⚠ “%1”无法显示：它的重复规则或开始时间无法使用（%2）。双击即可修改。</translation>
    </message>
    <message>
        <source>Image (*.png);;PDF (*.pdf)</source>
        <translation>图片 (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1; choose another folder.</source>
        <translation>无法写入 %1，请换一个文件夹。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QueueLabels</name>
    <message>
        <source>permanent mute</source>
        <translation>永久禁言</translation>
    </message>
    <message>
        <source>mute {days} day(s)</source>
        <translation>禁言 {days} 天</translation>
    </message>
    <message>
        <source>dismiss</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>remove from group</source>
        <translation>移出群聊</translation>
    </message>
    <message>
        <source>ban</source>
        <translation>封禁</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>减轻</translation>
    </message>
    <message>
        <source>overturned</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>appealed</source>
        <translation>申诉中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>member report</source>
        <translation>成员举报</translation>
    </message>
    <message>
        <source>staff discovery</source>
        <translation>管理员发现</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>detector</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>pattern</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>promotion</source>
        <translation>推广</translation>
    </message>
    <message>
        <source>flooding</source>
        <translation>刷屏</translation>
    </message>
    <message>
        <source>repeating</source>
        <translation>重复发送</translation>
    </message>
    <message>
        <source>mention storm</source>
        <translation>@刷屏</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>mute</source>
        <translation>禁言</translation>
    </message>
    <message>
        <source>removal</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>due in %1</source>
        <translation>%1 后到期</translation>
    </message>
    <message>
        <source>Offence no. %1 counted in %2 days → %3</source>
        <translation>%2 天内第 %1 次计入违规 → %3</translation>
    </message>
    <message>
        <source>aggravated rule: steps skipped</source>
        <translation>从重规则：跳级处罚</translation>
    </message>
    <message>
        <source>{count} older offence(s) decayed</source>
        <translation>{count} 次较早违规已衰减</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>lifted</source>
        <translation>已解除</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重度</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>举报数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Appeal: </source>
        <translation>申诉：</translation>
    </message>
    <message>
        <source>(no rule yet)</source>
        <translation>（未指定规则）</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Queue</source>
        <translation>违规队列</translation>
    </message>
    <message>
        <source>J/K move · C claim · 1–8 decide · 0 ladder · ? all keys</source>
        <translation>J/K 移动 · C 认领 · 1–8 处理 · 0 按阶梯 · ? 全部按键</translation>
    </message>
    <message>
        <source>Nothing to triage. New reports land here: press Ctrl+N to file one, or use `modconsole reports add` or `modconsole import reports FILE`.</source>
        <translation>没有待处理的案件。新的举报会出现在这里：按 Ctrl+N 新建，或使用 `modconsole reports add`、`modconsole import reports FILE`。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Sanctions in force</source>
        <translation>生效中的处罚</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个案件</numerusform>
        </translation>
    </message>
    <message>
        <source>Any rule</source>
        <translation>任意规则</translation>
    </message>
    <message>
        <source>Any group</source>
        <translation>任意群</translation>
    </message>
    <message>
        <source>Anyone&apos;s</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我认领的</translation>
    </message>
    <message>
        <source>Unclaimed</source>
        <translation>未认领</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>任意来源</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>举报时间</translation>
    </message>
    <message>
        <source>Decide as the ladder suggests</source>
        <translation>按处罚阶梯建议处理</translation>
    </message>
    <message>
        <source>Claim the case</source>
        <translation>认领案件</translation>
    </message>
    <message>
        <source>Give the case to a colleague…</source>
        <translation>把案件交给同事…</translation>
    </message>
    <message>
        <source>Record the member&apos;s appeal</source>
        <translation>登记成员申诉</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>新建举报</translation>
    </message>
    <message>
        <source>Undo the last decision</source>
        <translation>撤销上一个处理决定</translation>
    </message>
    <message>
        <source>Quick reply…</source>
        <translation>快捷回复…</translation>
    </message>
    <message>
        <source>Keyboard keys</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Loading the rulebook</source>
        <translation>正在加载规则库</translation>
    </message>
    <message>
        <source>Loading groups</source>
        <translation>正在加载群</translation>
    </message>
    <message>
        <source>Reported {first} to {last}</source>
        <translation>{first} 至 {last} 的举报</translation>
    </message>
    <message>
        <source>Reported on {day}</source>
        <translation>{day} 的举报</translation>
    </message>
    <message>
        <source>Filtering the queue</source>
        <translation>正在筛选队列</translation>
    </message>
    <message>
        <source>Opening the case</source>
        <translation>正在打开案件</translation>
    </message>
    <message>
        <source>Claiming the case</source>
        <translation>正在认领案件</translation>
    </message>
    <message>
        <source>Reading the team</source>
        <translation>正在读取团队</translation>
    </message>
    <message>
        <source>Nobody on the team moderates yet.</source>
        <translation>团队里还没有能处理案件的人。</translation>
    </message>
    <message>
        <source>Give the case to</source>
        <translation>把案件交给</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Given to {name}; it is in their &quot;Mine&quot;.</source>
        <translation>已交给 {name}；它出现在对方的“我认领的”中。</translation>
    </message>
    <message>
        <source>Giving the case to a colleague</source>
        <translation>正在把案件交给同事</translation>
    </message>
    <message>
        <source>Claimed until %1; others see your name on it.</source>
        <translation>已认领至 %1；其他人会看到你的名字。</translation>
    </message>
    <message>
        <source>Appeals are answered one at a time.</source>
        <translation>申诉需逐个处理。</translation>
    </message>
    <message>
        <source>Only open cases can be decided; this one is %1.</source>
        <translation>只能处理未结的案件；此案件状态为%1。</translation>
    </message>
    <message>
        <source>Checking the case</source>
        <translation>正在检查案件</translation>
    </message>
    <message>
        <source>Cannot decide</source>
        <translation>无法处理</translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>ladder steps</source>
        <translation>按阶梯处理</translation>
    </message>
    <message numerus="yes">
        <source>Decided %n case(s): %1.</source>
        <translation>
            <numerusform>已处理 %n 个案件：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Notice “%1” copied.</source>
        <translation>已复制通知“%1”。</translation>
    </message>
    <message>
        <source>Ctrl+Z takes it back for %1 minutes.</source>
        <translation>%1 分钟内可按 Ctrl+Z 撤回。</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Answering the appeal</source>
        <translation>正在处理申诉</translation>
    </message>
    <message>
        <source>Appeal answered. Ctrl+R suggests the appeal answer template.</source>
        <translation>申诉已处理。按 Ctrl+R 可使用申诉回复模板。</translation>
    </message>
    <message>
        <source>Record an appeal</source>
        <translation>登记申诉</translation>
    </message>
    <message>
        <source>What does %1 say against the decision? The appeal joins the queue for another moderator.</source>
        <translation>%1 对处理结果有何异议？申诉将进入队列，由另一位版主处理。</translation>
    </message>
    <message>
        <source>Recording the appeal</source>
        <translation>正在登记申诉</translation>
    </message>
    <message>
        <source>Appeal recorded; it is in the queue.</source>
        <translation>申诉已登记，已进入队列。</translation>
    </message>
    <message>
        <source>No appeal recorded</source>
        <translation>未登记申诉</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>正在提交</translation>
    </message>
    <message>
        <source>Merged into the existing case for the same evidence; it now has %1 reports.</source>
        <translation>已并入相同证据的案件，现有 %1 次举报。</translation>
    </message>
    <message>
        <source>Report filed; the case is in the queue.</source>
        <translation>举报已提交，案件已进入队列。</translation>
    </message>
    <message>
        <source>No decision to take back.</source>
        <translation>没有可撤回的处理。</translation>
    </message>
    <message>
        <source>Taking the decision back</source>
        <translation>正在撤回处理</translation>
    </message>
    <message>
        <source>Decision taken back; the case is open again.</source>
        <translation>处理已撤回，案件重新打开。</translation>
    </message>
    <message>
        <source>Queue keys</source>
        <translation>队列快捷键</translation>
    </message>
    <message>
        <source>J / K — next / previous case (Shift extends the selection)
Enter — read the case; Esc — back to the list
C — claim the case · G — give it to a colleague (leads)
1 dismiss · 2 warn · 3 mute 1 day · 4 mute 7 days · 5 mute 15 days · 6 permanent mute · 7 remove from group · 8 ban
0 — what the ladder suggests
On an appeal: 1 upheld · 2 reduced · 3 overturned
A — record the member&apos;s appeal against a decision
Ctrl+N — file a report · Ctrl+R — quick reply · Ctrl+Z — take the last decision back · F5 — reload</source>
        <translation>J / K — 下一个 / 上一个案件（按住 Shift 扩展选择）
Enter — 查看案件；Esc — 回到列表
C — 认领案件 · G — 交给同事处理（负责人）
1 驳回 · 2 警告 · 3 禁言 1 天 · 4 禁言 7 天 · 5 禁言 15 天 · 6 永久禁言 · 7 移出群聊 · 8 封禁
0 — 按处罚阶梯建议
申诉案件：1 维持 · 2 减轻 · 3 撤销
A — 登记成员对处理的申诉
Ctrl+N — 新建举报 · Ctrl+R — 快捷回复 · Ctrl+Z — 撤回上一次处理 · F5 — 刷新</translation>
    </message>
</context>
<context>
    <name>QuickInsertDialog</name>
    <message>
        <source>Quick reply</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Filter by title, tag or text; /code jumps; ↑↓ choose, Enter copies</source>
        <translation>按标题、标签或内容筛选；/代码 直达；↑↓ 选择，回车复制</translation>
    </message>
    <message>
        <source>One message per member</source>
        <translation>每人一条</translation>
    </message>
    <message>
        <source>One message @-mentioning everyone</source>
        <translation>一条消息 @ 所有人</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Finding replies</source>
        <translation>查找话术</translation>
    </message>
    <message numerus="yes">
        <source>For %n members</source>
        <translation>
            <numerusform>发给 %n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <source>For {nickname}</source>
        <translation>发给 {nickname}</translation>
    </message>
    <message>
        <source>No member chosen: select members on the roster first to fill in their names.</source>
        <translation>未选择成员：先在成员名册中选中成员，才能填入他们的名字。</translation>
    </message>
    <message>
        <source>No approved template matches. Templates are written on the Replies page (Ctrl+3).</source>
        <translation>没有匹配的已审核模板。模板在“话术”页面编写（Ctrl+3）。</translation>
    </message>
    <message>
        <source>The filled-in reply would be too long to send; choose fewer members or one message each.</source>
        <translation>填好后的回复太长，无法发送；请少选几位成员，或改为每人一条。</translation>
    </message>
    <message>
        <source>No value for {names}; they stay as written.</source>
        <translation>{names} 没有值，将保持原样。</translation>
    </message>
    <message numerus="yes">
        <source>Enter copies the first of %n messages; press it again for each next one.</source>
        <translation>
            <numerusform>回车复制 %n 条消息中的第一条；再按一次复制下一条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter copies it to the clipboard.</source>
        <translation>回车复制到剪贴板。</translation>
    </message>
    <message>
        <source>Counting a use</source>
        <translation>记录使用次数</translation>
    </message>
    <message>
        <source>Copied {done} of {total}. Paste it, then press Enter for the next.</source>
        <translation>已复制第 {done} 条，共 {total} 条。粘贴后按回车复制下一条。</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>Replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Add language variant</source>
        <translation>添加其他语言版本</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Copy filled in</source>
        <translation>填好后复制</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Limits and review…</source>
        <translation>长度上限与审核…</translation>
    </message>
    <message>
        <source>Search title, code, tag or text — /wel finds the code welcome (Ctrl+F)</source>
        <translation>搜索标题、代码、标签或内容 — 输入 /wel 可找到代码 welcome（Ctrl+F）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Loading the phrase book</source>
        <translation>加载话术库</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>全部模板</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>The phrase book is empty. Press Ctrl+N to write the first template, or Ctrl+I to import a library.</source>
        <translation>话术库是空的。按 Ctrl+N 编写第一个模板，或按 Ctrl+I 导入话术库。</translation>
    </message>
    <message>
        <source>Nothing matches. Clear the search or pick another folder.</source>
        <translation>没有匹配的模板。清空搜索或换一个分类。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to this template first?</source>
        <translation>先保存对此模板的修改吗？</translation>
    </message>
    <message>
        <source>New template: fill in the fields and press Ctrl+S.</source>
        <translation>新模板：填写各项后按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>Unsaved changes (Ctrl+S saves).</source>
        <translation>有未保存的修改（Ctrl+S 保存）。</translation>
    </message>
    <message>
        <source>Draft: a lead must approve it before it can be used.</source>
        <translation>草稿：需负责人审核通过后才能使用。</translation>
    </message>
    <message numerus="yes">
        <source>Used %n time(s).</source>
        <translation>
            <numerusform>已使用 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>This template already has every language.</source>
        <translation>此模板已有所有语言版本。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saving the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>No member matches “{text}”.</source>
        <translation>没有成员匹配“{text}”。</translation>
    </message>
    <message>
        <source>Finding the member</source>
        <translation>查找成员</translation>
    </message>
    <message>
        <source>Looking up the preview values</source>
        <translation>查询预览用的值</translation>
    </message>
    <message>
        <source>Save first: Copy uses the saved template.</source>
        <translation>请先保存：复制使用的是已保存的模板。</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Counting a use</source>
        <translation>记录使用次数</translation>
    </message>
    <message>
        <source>Approving</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <source>Loading the history</source>
        <translation>加载历史版本</translation>
    </message>
    <message>
        <source>“{title}” deleted. Ctrl+Z brings it back.</source>
        <translation>已删除“{title}”。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>删除中</translation>
    </message>
    <message>
        <source>Export the phrase book</source>
        <translation>导出话术库</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>导出中</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 个模板。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a phrase book</source>
        <translation>导入话术库</translation>
    </message>
    <message>
        <source>Phrase book (*.json *.csv)</source>
        <translation>话术库 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {same} unchanged, {kept} kept (newer here).</source>
        <translation>已导入：新增 {added} 个，更新 {updated} 个，未变 {same} 个，保留本机较新的 {kept} 个。</translation>
    </message>
    <message>
        <source>Importing the phrase book</source>
        <translation>导入话术库</translation>
    </message>
    <message>
        <source>Saving the settings</source>
        <translation>保存设置</translation>
    </message>
</context>
<context>
    <name>ReplyLabels</name>
    <message>
        <source>Welcome</source>
        <translation>入群欢迎</translation>
    </message>
    <message>
        <source>Group rules</source>
        <translation>群规说明</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>禁言</translation>
    </message>
    <message>
        <source>Removal</source>
        <translation>移出群聊</translation>
    </message>
    <message>
        <source>Appeal answer</source>
        <translation>申诉答复</translation>
    </message>
    <message>
        <source>Churn care</source>
        <translation>流失关怀</translation>
    </message>
    <message>
        <source>Activity announcement</source>
        <translation>活动预告</translation>
    </message>
    <message>
        <source>Reward notice</source>
        <translation>奖励通知</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>group nickname (or name)</source>
        <translation>群昵称（无则用姓名）</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>the member&apos;s or case&apos;s group</source>
        <translation>成员或案件所在的群</translation>
    </message>
    <message>
        <source>the rule broken</source>
        <translation>违反的规则</translation>
    </message>
    <message>
        <source>the rule&apos;s description</source>
        <translation>规则说明</translation>
    </message>
    <message>
        <source>e.g. 7 days</source>
        <translation>例如 7天</translation>
    </message>
    <message>
        <source>when the sanction ends</source>
        <translation>处罚结束时间</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你自己</translation>
    </message>
    <message>
        <source>activity title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>when the activity starts</source>
        <translation>活动开始时间</translation>
    </message>
    <message>
        <source>where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>today&apos;s date</source>
        <translation>今天的日期</translation>
    </message>
    <message>
        <source>Character {at}: {text} is not a placeholder we know. Did you mean {{{hint}}}?</source>
        <translation>第 {at} 个字符：{text} 不是已知的占位符。你是想写 {{{hint}}} 吗？</translation>
    </message>
    <message>
        <source>Character {at}: {text} is not a placeholder we know; it will be sent as written.</source>
        <translation>第 {at} 个字符：{text} 不是已知的占位符，将按原样发送。</translation>
    </message>
    <message>
        <source>Character {at}: {text} is not a placeholder (they are plain names like {{nickname}}); it will be sent as written.</source>
        <translation>第 {at} 个字符：{text} 不是占位符（占位符是 {{nickname}} 这样的简单名称），将按原样发送。</translation>
    </message>
    <message>
        <source>Character {at}: a lone &apos;{text}&apos; will be sent as written; type it twice for a literal brace.</source>
        <translation>第 {at} 个字符：单独的“{text}”将按原样发送；要输入花括号本身，请连写两个。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>New report</source>
        <translation>新建举报</translation>
    </message>
    <message>
        <source>Platform id (微信号) or member id</source>
        <translation>平台账号（微信号）或成员 ID</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>(decide later)</source>
        <translation>（稍后指定）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>The offending message, copied as it was</source>
        <translation>违规消息原文</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>I found it (staff discovery)</source>
        <translation>我发现的（管理员发现）</translation>
    </message>
    <message>
        <source>A member reported it</source>
        <translation>成员举报的</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Attach screenshots…</source>
        <translation>附加截图…</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>New members</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <source>Conversions (paid, signed up)</source>
        <translation>转化（付费、报名）</translation>
    </message>
    <message>
        <source>Content published</source>
        <translation>产出内容</translation>
    </message>
    <message>
        <source>What went well, what to change next time</source>
        <translation>做得好的地方，下次要改进的地方</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save the review (Ctrl+S)</source>
        <translation>保存复盘 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Loading the review</source>
        <translation>正在读取复盘</translation>
    </message>
    <message>
        <source>%1% of the audience</source>
        <translation>占目标人群 %1%</translation>
    </message>
    <message>
        <source>no target audience (set groups or a segment)</source>
        <translation>没有目标人群（请设置群或分组）</translation>
    </message>
    <message>
        <source>%1 participants (checked in) of %2 members targeted: %3</source>
        <translation>参与 %1 人（已签到），目标 %2 人：%3</translation>
    </message>
    <message>
        <source>Saving the review</source>
        <translation>正在保存复盘</translation>
    </message>
    <message>
        <source>Review saved; the activity is marked done.</source>
        <translation>复盘已保存；活动已标记为完成。</translation>
    </message>
</context>
<context>
    <name>RoleGate</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Your role ({role}) cannot do this; {able} can.</source>
        <translation>你的角色（{role}）不能做这件事；{able}可以。</translation>
    </message>
    <message>
        <source>Reading your role</source>
        <translation>正在读取你的角色</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>版主</translation>
    </message>
    <message>
        <source>ops</source>
        <translation>运营</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>RollupScheduler</name>
    <message>
        <source>Working out today&apos;s numbers</source>
        <translation>正在计算今天的数据</translation>
    </message>
    <message>
        <source>Saving today&apos;s numbers</source>
        <translation>正在保存今天的数据</translation>
    </message>
</context>
<context>
    <name>RosterLabels</name>
    <message>
        <source>Staff: marked as a team member.</source>
        <translation>管理员：标记为团队成员。</translation>
    </message>
    <message>
        <source>Paying: has paid ¥{0:.2f} (rule: at least ¥{1:.2f}).</source>
        <translation>付费会员：已付 ¥{0:.2f}（规则：至少 ¥{1:.2f}）。</translation>
    </message>
    <message>
        <source>Contributor: {0} quality posts (rule: at least {1}).</source>
        <translation>贡献会员：优质内容 {0} 篇（规则：至少 {1} 篇）。</translation>
    </message>
    <message>
        <source>Active: {0} actions, last active {1} days ago (rule: at least {2} actions within {3} days).</source>
        <translation>活跃会员：互动 {0} 次，{1} 天前活跃（规则：{3} 天内至少 {2} 次互动）。</translation>
    </message>
    <message>
        <source>Silent: {0} actions, last active {1} days ago (active needs at least {2} actions within {3} days).</source>
        <translation>沉默会员：互动 {0} 次，{1} 天前活跃（活跃需 {3} 天内至少 {2} 次互动）。</translation>
    </message>
    <message>
        <source>Core layer: in the top {0}% by spend and interaction (core is the top {1}%).</source>
        <translation>核心层：按消费和互动排在前 {0}%（核心层为前 {1}%）。</translation>
    </message>
    <message>
        <source>Potential layer: in the top {0}% (potential is from {1}% to {2}%).</source>
        <translation>潜力层：排在前 {0}%（潜力层为 {1}% 至 {2}%）。</translation>
    </message>
    <message>
        <source>Base layer: in the top {0}% (base is below the top {1}%).</source>
        <translation>基础层：排在前 {0}%（基础层在前 {1}% 之后）。</translation>
    </message>
    <message>
        <source>Leader stage: {0} conversions (rule: at least {1}).</source>
        <translation>领袖期：带来转化 {0} 次（规则：至少 {1} 次）。</translation>
    </message>
    <message>
        <source>Contributor stage: {0} quality posts (rule: at least {1}).</source>
        <translation>贡献期：优质内容 {0} 篇（规则：至少 {1} 篇）。</translation>
    </message>
    <message>
        <source>Active stage: {0} days in a row (rule: at least {1}).</source>
        <translation>活跃期：连续参与 {0} 天（规则：至少 {1} 天）。</translation>
    </message>
    <message>
        <source>Explorer stage: has not reached the active stage yet.</source>
        <translation>探索期：尚未达到活跃期。</translation>
    </message>
    <message>
        <source>No churn warning: the member is {0}.</source>
        <translation>无流失预警：该成员{0}。</translation>
    </message>
    <message>
        <source>No churn warning: last active {0} days ago (level 1 starts at {1}).</source>
        <translation>无流失预警：{0} 天前活跃（一级预警从 {1} 天开始）。</translation>
    </message>
    <message>
        <source>Churn warning level {0}: inactive for {1} days (level {0} starts at {2} days).</source>
        <translation>{0} 级流失预警：已 {1} 天未活跃（{0} 级从 {2} 天开始）。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Loading members</source>
        <translation>正在载入成员</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>成员名册</translation>
    </message>
    <message>
        <source>Search names, nicknames, ids, phone, e-mail, notes (Ctrl+F)</source>
        <translation>搜索姓名、昵称、ID、手机、邮箱、备注 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>打标签…</translation>
    </message>
    <message>
        <source>Save as segment…</source>
        <translation>保存为分组…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import chat…</source>
        <translation>导入聊天记录…</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Quick reply…</source>
        <translation>快捷回复…</translation>
    </message>
    <message>
        <source>Manage tags…</source>
        <translation>管理标签…</translation>
    </message>
    <message>
        <source>Class rules…</source>
        <translation>分类规则…</translation>
    </message>
    <message>
        <source>Recompute classes</source>
        <translation>重新计算分类</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undone: {what}.</source>
        <translation>已撤销：{what}。</translation>
    </message>
    <message>
        <source>Redone: {what}.</source>
        <translation>已重做：{what}。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>New member… (N in the list)</source>
        <translation>添加成员…（在列表中按 N）</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Loading tags and groups</source>
        <translation>正在载入标签和群</translation>
    </message>
    <message>
        <source>Classes not computed yet</source>
        <translation>尚未计算分类</translation>
    </message>
    <message>
        <source>Classes computed {when}</source>
        <translation>分类计算于 {when}</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>计数中…</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n 名成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting members</source>
        <translation>正在统计成员</translation>
    </message>
    <message>
        <source>No members yet.
Import a CSV or Excel file (Ctrl+I), or load the demo from the dashboard.</source>
        <translation>还没有成员。
导入 CSV 或 Excel 文件 (Ctrl+I)，或在概览页载入演示数据。</translation>
    </message>
    <message>
        <source>No member matches: {conditions}.
Remove a condition above, or clear them all with Ctrl+Shift+L.</source>
        <translation>没有符合条件的成员：{conditions}。
去掉上方的某个条件，或按 Ctrl+Shift+L 全部清除。</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>加入群…</translation>
    </message>
    <message>
        <source>Move to group…</source>
        <translation>移到群…</translation>
    </message>
    <message>
        <source>Copy platform ids</source>
        <translation>复制平台ID</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n platform id(s).</source>
        <translation>
            <numerusform>已复制 %n 个平台 ID。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copying platform ids</source>
        <translation>正在复制平台 ID</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n members</source>
        <translation>
            <numerusform>给 %n 名成员打标签</numerusform>
        </translation>
    </message>
    <message>
        <source>{added} tags added, {removed} removed on {members} members. Ctrl+Z undoes.</source>
        <translation>已为 {members} 名成员添加 {added} 个、移除 {removed} 个标签。Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Tagging members</source>
        <translation>正在打标签</translation>
    </message>
    <message>
        <source>Set a filter or a search first; a segment is a saved filter.</source>
        <translation>请先设置筛选或搜索；分组就是保存下来的筛选条件。</translation>
    </message>
    <message>
        <source>Save as segment</source>
        <translation>保存为分组</translation>
    </message>
    <message>
        <source>Segment name</source>
        <translation>分组名称</translation>
    </message>
    <message>
        <source>Saving the segment</source>
        <translation>正在保存分组</translation>
    </message>
    <message>
        <source>Select members first.</source>
        <translation>请先选择成员。</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <source>Delete or merge a tag</source>
        <translation>删除或合并标签</translation>
    </message>
    <message numerus="yes">
        <source>Classes recomputed for %n members.</source>
        <translation>
            <numerusform>已为 %n 名成员重新计算分类。</numerusform>
        </translation>
    </message>
    <message>
        <source>Recomputing classes</source>
        <translation>正在重新计算分类</translation>
    </message>
</context>
<context>
    <name>RulebookPage</name>
    <message>
        <source>Rulebook</source>
        <translation>规则库</translation>
    </message>
    <message>
        <source>Edit the ladder… (Ctrl+L)</source>
        <translation>编辑处罚阶梯…（Ctrl+L）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重度</translation>
    </message>
    <message>
        <source>Aggravated</source>
        <translation>从重</translation>
    </message>
    <message>
        <source>Counts towards the penalty ladder</source>
        <translation>计入处罚阶梯</translation>
    </message>
    <message>
        <source>Aggravated: jumps steps</source>
        <translation>从重：跳级处罚</translation>
    </message>
    <message>
        <source>For minors, illegal content, cheating or multiple accounts: heavier and faster.</source>
        <translation>涉及未成年人、违法内容、作弊注册或多账号：从重从快。</translation>
    </message>
    <message>
        <source>Empty: the default ladder</source>
        <translation>留空：使用默认阶梯</translation>
    </message>
    <message>
        <source>Steps separated by commas: warn, mute:1, mute:7, mute:15, mute (permanent), remove, ban</source>
        <translation>用逗号分隔各级：warn、mute:1、mute:7、mute:15、mute（永久）、remove、ban</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title (中文)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Description (中文)</source>
        <translation>说明（中文）</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>说明（英文）</translation>
    </message>
    <message>
        <source>Own ladder</source>
        <translation>专属阶梯</translation>
    </message>
    <message>
        <source>Detectors (chat imports)</source>
        <translation>检测器（聊天记录导入）</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Only leads and admins can change the rulebook; every change goes into the audit log.</source>
        <translation>只有负责人和管理员可以修改规则库；每次修改都会记入审计日志。</translation>
    </message>
    <message>
        <source>Save the rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Edit the default penalty ladder…</source>
        <translation>编辑默认处罚阶梯…</translation>
    </message>
    <message>
        <source>Loading the rulebook</source>
        <translation>正在加载规则库</translation>
    </message>
    <message>
        <source>Default ladder: %1. Offences count for %2 days; %3 clean days step a member back one rung; aggravated rules jump %4 steps.</source>
        <translation>默认阶梯：%1。违规计入 %2 天；连续 %3 天无违规降一级；从重规则跳 %4 级。</translation>
    </message>
    <message>
        <source>Unsaved rule</source>
        <translation>规则未保存</translation>
    </message>
    <message>
        <source>{code} has changes that are not saved. Save them?</source>
        <translation>{code} 有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Saving the rule</source>
        <translation>正在保存规则</translation>
    </message>
    <message>
        <source>Rule saved.</source>
        <translation>规则已保存。</translation>
    </message>
    <message>
        <source>Saving the ladder</source>
        <translation>正在保存处罚阶梯</translation>
    </message>
    <message>
        <source>Default ladder saved.</source>
        <translation>默认处罚阶梯已保存。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Class rules</source>
        <translation>分类规则</translation>
    </message>
    <message>
        <source>Active: active within (days)</source>
        <translation>活跃：最近活跃（天内）</translation>
    </message>
    <message>
        <source>Active: at least (posts + comments + likes)</source>
        <translation>活跃：至少（发帖 + 评论 + 点赞）</translation>
    </message>
    <message>
        <source>Contributor: quality posts at least</source>
        <translation>贡献：优质内容至少</translation>
    </message>
    <message>
        <source>Paying: paid at least (fen)</source>
        <translation>付费：消费至少（分）</translation>
    </message>
    <message>
        <source>Core layer: top (%)</source>
        <translation>核心层：前（%）</translation>
    </message>
    <message>
        <source>Potential layer: next (%)</source>
        <translation>潜力层：其后（%）</translation>
    </message>
    <message>
        <source>Active stage: days in a row</source>
        <translation>活跃期：连续天数</translation>
    </message>
    <message>
        <source>Leader stage: conversions at least</source>
        <translation>领袖期：转化至少</translation>
    </message>
    <message>
        <source>Churn warning levels start after (days)</source>
        <translation>流失预警各级起始（天）</translation>
    </message>
    <message>
        <source>Save and recompute</source>
        <translation>保存并重新计算</translation>
    </message>
    <message>
        <source>Loading the rules</source>
        <translation>正在载入规则</translation>
    </message>
    <message>
        <source>churn days must be whole numbers separated by commas</source>
        <translation>流失天数须为用逗号分隔的整数</translation>
    </message>
    <message>
        <source>Saving the rules</source>
        <translation>正在保存规则</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Check and import</source>
        <translation>检查并导入</translation>
    </message>
    <message>
        <source>Check first to see every problem without writing anything. By default a file with any bad row is not imported.</source>
        <translation>先检查可看到所有问题而不写入任何数据。默认情况下，只要有一行有问题，整个文件都不会导入。</translation>
    </message>
    <message>
        <source>Import the good rows and save the bad ones to a file</source>
        <translation>导入正确的行，并把有问题的行保存到文件</translation>
    </message>
    <message>
        <source>Create the groups the file names that do not exist yet</source>
        <translation>自动创建文件中提到但尚不存在的群</translation>
    </message>
    <message>
        <source>Check reads the whole export and shows what the import would do; nothing is written until you press Import.</source>
        <translation>“检查”会读取整个导出文件并显示导入后的结果；按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>The group this chat is. A new name makes a new group.</source>
        <translation>这个聊天对应的群。输入新名称会新建一个群。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Add senders who match no member as new members (those with an ID)</source>
        <translation>把无法对应成员的发送者添加为新成员（仅限有 ID 的）</translation>
    </message>
    <message>
        <source>Import the readable messages when some cannot be read</source>
        <translation>部分消息无法读取时，导入其余可读取的消息</translation>
    </message>
    <message>
        <source>Flag what the rules&apos; detectors match (reports go to the queue)</source>
        <translation>标记规则检测器匹配的消息（举报进入违规队列）</translation>
    </message>
    <message>
        <source>A Telegram export of the group “{name}”.</source>
        <translation>Telegram 群“{name}”的导出文件。</translation>
    </message>
    <message>
        <source>A QQ message record of “{name}”.</source>
        <translation>“{name}”的 QQ 消息记录。</translation>
    </message>
    <message>
        <source>A message table ({columns}).</source>
        <translation>消息表格（{columns}）。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>sender ID</source>
        <translation>发送者 ID</translation>
    </message>
    <message>
        <source>sender name</source>
        <translation>发送者名称</translation>
    </message>
    <message>
        <source>group</source>
        <translation>群</translation>
    </message>
    <message>
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>message ID</source>
        <translation>消息 ID</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>(each chat&apos;s own name: {name})</source>
        <translation>（按各聊天自己的名称：{name}）</translation>
    </message>
    <message>
        <source>Importing the chat</source>
        <translation>正在导入聊天记录</translation>
    </message>
    <message>
        <source>Checking the chat</source>
        <translation>正在检查聊天记录</translation>
    </message>
    <message>
        <source>{messages} messages from {first} to {last}: {counted} new from {members} members, {repeated} counted by an earlier import, {unmatched} from senders who match no member.</source>
        <translation>{first} 至 {last} 共 {messages} 条消息：{members} 名成员的 {counted} 条新消息，{repeated} 条已在之前的导入中统计过，{unmatched} 条来自无法对应成员的发送者。</translation>
    </message>
    <message>
        <source>Joins: {joins}. Leaves: {leaves}.</source>
        <translation>入群：{joins}。退群：{leaves}。</translation>
    </message>
    <message>
        <source>Check-ins: {n}; {points} members earned the activity&apos;s points.</source>
        <translation>打卡：{n} 次；{points} 名成员获得了活动积分。</translation>
    </message>
    <message>
        <source>New members: {n}.</source>
        <translation>新成员：{n}。</translation>
    </message>
    <message>
        <source>Flagged: {n} messages of members (reports in the queue, {cases} new cases); {unknown} of senders who match no member are not filed.</source>
        <translation>已标记：成员的 {n} 条消息（举报已进入队列，新建 {cases} 个案件）；无法对应成员的发送者的 {unknown} 条未提交。</translation>
    </message>
    <message>
        <source>Would flag: {n} messages of members (reports for the queue, {cases} new cases); {unknown} of senders who match no member would not be filed.</source>
        <translation>将标记：成员的 {n} 条消息（举报将进入队列，新建 {cases} 个案件）；无法对应成员的发送者的 {unknown} 条不会提交。</translation>
    </message>
    <message>
        <source>Detectors not used: {problem}.</source>
        <translation>未使用的检测器：{problem}。</translation>
    </message>
    <message>
        <source>Nothing can be imported yet: {n} messages cannot be read (listed below). Export the chat again, or tick the box above to import the rest.</source>
        <translation>暂时无法导入：有 {n} 条消息无法读取（见下方列表）。请重新导出聊天，或勾选上方选项导入其余消息。</translation>
    </message>
    <message>
        <source>Imported: {n} members updated; classes and churn levels recomputed.</source>
        <translation>已导入：更新了 {n} 名成员；已重新计算分类和流失等级。</translation>
    </message>
    <message>
        <source>Nothing was written yet.</source>
        <translation>尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Messages that cannot be read ({n})</source>
        <translation>无法读取的消息（{n}）</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Senders who match no member ({n})</source>
        <translation>无法对应成员的发送者（{n} 人）</translation>
    </message>
    <message>
        <source>Flagged ({n})</source>
        <translation>已标记（{n}）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送者</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>命中内容</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>正在检查文件</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing members</source>
        <translation>正在导入成员</translation>
    </message>
    <message>
        <source>Imported: {new} new members, {updated} updated.</source>
        <translation>已导入：新增 {new} 名成员，更新 {updated} 名。</translation>
    </message>
    <message numerus="yes">
        <source>%n bad rows were skipped and saved to {path}.</source>
        <translation>
            <numerusform>已跳过 %n 行有问题的数据，并保存到 {path}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n rows have problems (listed below). Fix them in the file, or tick the box above to import the good rows.</source>
        <translation>
            <numerusform>未导入任何数据：有 %n 行存在问题（见下表）。请在文件中修正，或勾选上方选项只导入正确的行。</numerusform>
        </translation>
    </message>
    <message>
        <source>All {rows} rows are fine: {new} would be new, {updated} updated. Nothing was written yet.</source>
        <translation>全部 {rows} 行都没有问题：将新增 {new} 名，更新 {updated} 名。尚未写入任何数据。</translation>
    </message>
    <message>
        <source>New groups: {names}.</source>
        <translation>新建的群：{names}。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between names in a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SanctionsView</name>
    <message>
        <source>Lift early… (L)</source>
        <translation>提前解除…（L）</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Sanction</source>
        <translation>处罚</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Loading sanctions</source>
        <translation>正在加载处罚</translation>
    </message>
    <message>
        <source>permanent</source>
        <translation>永久</translation>
    </message>
    <message numerus="yes">
        <source>%n sanction(s) in force. Mutes end by themselves; nobody needs to lift them.</source>
        <translation>
            <numerusform>%n 项处罚生效中。禁言到期自动结束，无需手动解除。</numerusform>
        </translation>
    </message>
    <message>
        <source>No mutes or bans are in force.</source>
        <translation>当前没有生效的禁言或封禁。</translation>
    </message>
    <message>
        <source>Lift early</source>
        <translation>提前解除</translation>
    </message>
    <message>
        <source>Lift the %1 on %2 now? Say why; it goes into the audit log.</source>
        <translation>现在解除 %2 的%1？请说明原因，将记入审计日志。</translation>
    </message>
    <message>
        <source>Lifting the sanction</source>
        <translation>正在解除处罚</translation>
    </message>
</context>
<context>
    <name>SegmentList</name>
    <message>
        <source>SEGMENTS</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Counting segments</source>
        <translation>正在统计分组</translation>
    </message>
    <message>
        <source>Filter the roster, then
Ctrl+S saves a segment</source>
        <translation>在名册中筛选后，
按 Ctrl+S
保存为分组</translation>
    </message>
    <message>
        <source>Show this segment on the roster; Delete removes it</source>
        <translation>在名册中显示此分组；按 Delete 删除</translation>
    </message>
    <message>
        <source>Deleting a segment</source>
        <translation>正在删除分组</translation>
    </message>
    <message>
        <source>Segment “{name}” deleted.</source>
        <translation>已删除分组“{name}”。</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Role on this console</source>
        <translation>本控制台中的角色</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Members see this name in notices ({moderator}); colleagues see it on claims and in the audit log. The role decides what this console lets you do until a team server checks it.</source>
        <translation>成员会在通知中看到这个名字（{moderator}）；同事会在认领和审计日志中看到它。在接入团队服务器之前，角色决定本控制台允许你做什么。</translation>
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
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>While the console runs it copies the database once a day, checking the copy as it goes, and keeps the last 7 days and 4 weeks. Restoring one keeps the current file beside it.</source>
        <translation>控制台运行时每天复制一次数据库，并在复制时检查副本；保留最近 7 天和 4 周的备份。恢复某个备份时，当前文件会保留在旁边。</translation>
    </message>
    <message>
        <source>Restore the chosen backup…</source>
        <translation>恢复所选备份…</translation>
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
        <source>Loading your profile</source>
        <translation>正在读取你的资料</translation>
    </message>
    <message>
        <source>Signed in to a team, your name and role are your team account&apos;s; an admin changes them on the Team page.</source>
        <translation>已登录团队时，你的名字和角色以团队账号为准；管理员可在“团队”页面修改。</translation>
    </message>
    <message>
        <source>Type the name your team and members know you by.</source>
        <translation>请填写团队和成员认识你的名字。</translation>
    </message>
    <message>
        <source>Saving your profile</source>
        <translation>正在保存你的资料</translation>
    </message>
    <message>
        <source>Saved: you appear as {name}.</source>
        <translation>已保存：你将显示为 {name}。</translation>
    </message>
    <message>
        <source>{when}  ·  {size} MB</source>
        <translation>{when}  ·  {size} MB</translation>
    </message>
    <message>
        <source>No backups yet: the first is made a minute after the console starts.</source>
        <translation>还没有备份：控制台启动一分钟后会做第一份。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the database with the backup {name}? Changes made since it was taken are not in it; the current file is kept beside it.</source>
        <translation>用备份 {name} 替换数据库吗？备份之后的改动不在其中；当前文件会保留在旁边。</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>正在恢复备份</translation>
    </message>
    <message>
        <source>Backup restored. The file it replaced is kept at {path}.</source>
        <translation>备份已恢复。被替换的文件保存在 {path}。</translation>
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
<context>
    <name>Sparkline</name>
    <message>
        <source>Most messages on one day: {n}</source>
        <translation>单日最多发言：{n} 条</translation>
    </message>
    <message>
        <source>{day}: {n} messages</source>
        <translation>{day}：{n} 条消息</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>Asking the team server</source>
        <translation>向团队服务器请求</translation>
    </message>
    <message>
        <source>Syncing with the team</source>
        <translation>与团队同步</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>One tag of this group per member</source>
        <translation>每名成员在此组只能有一个标签</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>新建标签组…</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Counting members…</source>
        <translation>正在统计成员…</translation>
    </message>
    <message>
        <source>Loading tags</source>
        <translation>正在载入标签</translation>
    </message>
    <message numerus="yes">
        <source>%n tags</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>No tags yet: create a group, then its tags.</source>
        <translation>还没有标签：先创建标签组，再创建标签。</translation>
    </message>
    <message>
        <source>New tag group</source>
        <translation>新建标签组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Creating a group</source>
        <translation>正在创建标签组</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Creating a tag</source>
        <translation>正在创建标签</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>Renaming</source>
        <translation>正在重命名</translation>
    </message>
    <message>
        <source>Select the tag to merge away first.</source>
        <translation>请先选择要被合并的标签。</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Every member of “{tag}” gets:</source>
        <translation>拥有“{tag}”的成员都将获得：</translation>
    </message>
    <message>
        <source>Merging tags</source>
        <translation>正在合并标签</translation>
    </message>
    <message>
        <source>Colours belong to tag groups; select a group.</source>
        <translation>颜色属于标签组；请选择一个标签组。</translation>
    </message>
    <message>
        <source>Changing the colour</source>
        <translation>正在修改颜色</translation>
    </message>
    <message>
        <source>Changing the group</source>
        <translation>正在修改标签组</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Delete “{tag}” and take it off {count} members? Ctrl+Z on the roster undoes this.</source>
        <translation>删除“{tag}”并从 {count} 名成员身上移除？可在名册中按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Deleting a tag</source>
        <translation>正在删除标签</translation>
    </message>
</context>
<context>
    <name>TagTree</name>
    <message>
        <source>(no group)</source>
        <translation>（未分组）</translation>
    </message>
    <message>
        <source>(one per member)</source>
        <translation>（每人限一个）</translation>
    </message>
    <message>
        <source>Find a tag</source>
        <translation>查找标签</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Set a target</source>
        <translation>设定目标</translation>
    </message>
    <message>
        <source>e.g. 核心群活跃度提升至30%</source>
        <translation>例如：核心群活跃度提升至30%</translation>
    </message>
    <message>
        <source>For</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>达到</translation>
    </message>
    <message>
        <source>By</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Saving the target</source>
        <translation>正在保存目标</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Active within 7 days (% of members)</source>
        <translation>7 天内活跃（占成员的百分比）</translation>
    </message>
    <message>
        <source>Active within 30 days (% of members)</source>
        <translation>30 天内活跃（占成员的百分比）</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>New task, e.g. 准备奖品; Enter adds it</source>
        <translation>新任务，例如：准备奖品；回车添加</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Loading the checklist</source>
        <translation>正在读取待办</translation>
    </message>
    <message>
        <source>%1 of %2 done. Space ticks a task, Del removes it.</source>
        <translation>已完成 %1/%2。空格勾选任务，Del 删除。</translation>
    </message>
    <message>
        <source>No tasks yet: type one below and press Enter.</source>
        <translation>还没有任务：在下方输入并回车。</translation>
    </message>
    <message>
        <source>Adding the task</source>
        <translation>正在添加任务</translation>
    </message>
    <message>
        <source>Ticking the task</source>
        <translation>正在勾选任务</translation>
    </message>
    <message>
        <source>Removing the task</source>
        <translation>正在删除任务</translation>
    </message>
</context>
<context>
    <name>TeamLabels</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag group</source>
        <translation>标签组</translation>
    </message>
    <message>
        <source>Tag on a member</source>
        <translation>成员标签</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Group membership</source>
        <translation>群成员关系</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Activity&apos;s group</source>
        <translation>活动所属群</translation>
    </message>
    <message>
        <source>Activity task</source>
        <translation>活动任务</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>预算项</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>案件记录</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Sanction</source>
        <translation>处罚</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reply template</source>
        <translation>话术模板</translation>
    </message>
    <message>
        <source>Template revision</source>
        <translation>模板修订</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Team setting</source>
        <translation>团队设置</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Claimed until</source>
        <translation>认领到期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Another field</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>Your role on the team may not change this.</source>
        <translation>你在团队中的角色不能修改这项内容。</translation>
    </message>
    <message>
        <source>The team server does not keep this kind of record.</source>
        <translation>团队服务器不保存这类记录。</translation>
    </message>
    <message>
        <source>The record is not on the team server: a colleague removed it, or the change that made it was refused.</source>
        <translation>团队服务器上没有这条记录：可能已被同事删除，或创建它的修改被拒绝。</translation>
    </message>
    <message>
        <source>The record is on the team server already.</source>
        <translation>团队服务器上已有这条记录。</translation>
    </message>
    <message>
        <source>It names a record the team lacks (such as a member you may not send); ask a colleague who may add it.</source>
        <translation>引用的记录不在团队中（如你无权上传的成员），请有权限的同事添加。</translation>
    </message>
    <message>
        <source>A colleague&apos;s record already has this name or ID (they were first); choose another.</source>
        <translation>团队中已有同名或同 ID 的记录（同事先改了），请换一个。</translation>
    </message>
    <message>
        <source>A value in this record cannot be kept by the team (wrong format, empty where required, or a number too large); correct it and save again.</source>
        <translation>此记录中有团队无法保存的值（格式不对、必填项为空或数字过大），请改正后再保存。</translation>
    </message>
    <message>
        <source>A colleague decided this case first.</source>
        <translation>同事已先对此案件作出处理。</translation>
    </message>
    <message>
        <source>A colleague claimed this case first.</source>
        <translation>同事已先认领此案件。</translation>
    </message>
    <message>
        <source>The moderator who made a decision cannot answer the appeal against it; another moderator must.</source>
        <translation>作出处理决定的版主不能处理针对该决定的申诉，须由另一位版主处理。</translation>
    </message>
    <message>
        <source>Template review is on: a lead or an admin approves a template before it is published.</source>
        <translation>已开启模板审核：模板须经负责人或管理员批准后才能发布。</translation>
    </message>
    <message>
        <source>Refused by the team server.</source>
        <translation>被团队服务器拒绝。</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>One roster, queue, phrase book and plan for the whole team. Everything keeps working offline and syncs when it can.</source>
        <translation>全团队共用一份成员名册、处理队列、话术库和活动计划。离线时一切照常，联网后自动同步。</translation>
    </message>
    <message>
        <source>Sync with the team now</source>
        <translation>立即与团队同步</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Stop for now</source>
        <translation>先停一下</translation>
    </message>
    <message>
        <source>What came in so far is kept; the next sync carries on from there.</source>
        <translation>已取回的内容会保留；下次同步从那里继续。</translation>
    </message>
    <message>
        <source>Conflicts and refused changes</source>
        <translation>冲突和被拒绝的修改</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的值</translation>
    </message>
    <message>
        <source>Kept by the team</source>
        <translation>团队保留的值</translation>
    </message>
    <message>
        <source>Why / who</source>
        <translation>原因 / 修改人</translation>
    </message>
    <message>
        <source>Nothing to look at. When a colleague&apos;s change and yours meet on the same field, or the team server refuses a change, it waits here for you to choose.</source>
        <translation>暂无待处理项。当你和同事改了同一字段，或团队服务器拒绝了某项修改时，会在这里等你决定。</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Your value goes to the team as a new change</source>
        <translation>你的值作为一次新修改同步给团队</translation>
    </message>
    <message>
        <source>Keep the team&apos;s</source>
        <translation>保留团队的</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the change as text, to keep or send</source>
        <translation>把这项修改复制为文本，便于保存或发送</translation>
    </message>
    <message>
        <source>Type the value the team should keep</source>
        <translation>输入团队应保留的值</translation>
    </message>
    <message>
        <source>Drop a refused change of yours</source>
        <translation>放弃你被拒绝的修改</translation>
    </message>
    <message>
        <source>Signed in to {url} as {account} ({role}).</source>
        <translation>已以 {account}（{role}）身份登录 {url}。</translation>
    </message>
    <message>
        <source>Online now: {names}</source>
        <translation>在线：{names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Bringing in the team&apos;s data: {rows} rows so far. The console stays usable meanwhile.</source>
        <translation>正在取回团队数据：已取回 {rows} 行。期间控制台可照常使用。</translation>
    </message>
    <message>
        <source>Upload and start syncing</source>
        <translation>上传并开始同步</translation>
    </message>
    <message>
        <source>Counting what would be uploaded</source>
        <translation>正在统计要上传的内容</translation>
    </message>
    <message>
        <source>The team has its data, and this file is fresh: it takes the team&apos;s data. A large team can take some minutes; you can stop and carry on later.</source>
        <translation>团队已有数据，而本文件是新文件：它将取回团队的数据。大团队可能需要几分钟；你可以中途停下，稍后继续。</translation>
    </message>
    <message>
        <source>Take the team&apos;s data</source>
        <translation>取回团队数据</translation>
    </message>
    <message>
        <source>The team has its data, and so does this file; two communities are never merged. Start a fresh file from the team: this file stays as it is, and you can come back to it in Settings → Database. (To keep a copy elsewhere too, make a backup first in Settings → Backups.)</source>
        <translation>团队已有数据，本文件也有自己的数据；两个社群的数据绝不会合并。请从团队新建一个文件：当前文件保持不变，之后可在“设置 → 数据库”中切换回来。（如需另存一份，请先在“设置 → 备份”中备份。）</translation>
    </message>
    <message>
        <source>Start a fresh file from the team…</source>
        <translation>从团队新建文件…</translation>
    </message>
    <message>
        <source>The team has no data yet. This console&apos;s data becomes the team&apos;s first data: {members} members, {cases} cases, {activities} activities and {templates} reply templates. Colleagues who join later take it from the team.</source>
        <translation>团队还没有数据。本控制台的数据将成为团队的第一份数据：{members} 名成员、{cases} 个案件、{activities} 个活动和 {templates} 条话术模板。之后加入的同事会从团队取回这些数据。</translation>
    </message>
    <message>
        <source>Fill in the server address, your account and your password.</source>
        <translation>请填写服务器地址、账号和密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>This computer has no keyring, so the sign-in lasts until the console closes; sign in again next time.</source>
        <translation>这台电脑没有密钥环，登录状态只保留到控制台关闭；下次需要重新登录。</translation>
    </message>
    <message>
        <source>Your admin gives you the address and an account. The password is sent once; the console keeps only a sign-in token, in this computer&apos;s keyring.</source>
        <translation>地址和账号由管理员提供。密码只发送一次；控制台只在这台电脑的密钥环中保存登录令牌。</translation>
    </message>
    <message>
        <source>Sign out of {url}? Nothing here is lost: {waiting} changes waiting stay on this computer and go to the team when you sign in again.</source>
        <translation>退出 {url} 的登录？这里的内容不会丢失：{waiting} 项待同步的修改留在这台电脑上，重新登录后会同步给团队。</translation>
    </message>
    <message>
        <source>Signed out; this console works on its own until you sign in again.</source>
        <translation>已退出登录；重新登录前，本控制台单独工作。</translation>
    </message>
    <message>
        <source>A fresh file for the team</source>
        <translation>为团队新建文件</translation>
    </message>
    <message>
        <source>modconsole database (*.db)</source>
        <translation>modconsole 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Password for {account} on {url}</source>
        <translation>{url} 上 {account} 的密码</translation>
    </message>
    <message>
        <source>Reading sync problems</source>
        <translation>正在读取同步问题</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Working offline: {reason}</source>
        <translation>离线工作中：{reason}</translation>
    </message>
    <message>
        <source>Last synced at {time}</source>
        <translation>上次同步于 {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n 项更改待同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n 项被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Answering a sync problem</source>
        <translation>正在处理同步问题</translation>
    </message>
    <message>
        <source>A merged value</source>
        <translation>合并后的值</translation>
    </message>
    <message>
        <source>{field}: what should it be?</source>
        <translation>{field}：应该是什么？</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>{size} characters, over the limit of {limit}</source>
        <translation>{size} 个字符，超过上限 {limit}</translation>
    </message>
    <message>
        <source>{size} bytes, over the limit of {limit}</source>
        <translation>{size} 字节，超过上限 {limit}</translation>
    </message>
    <message>
        <source>e.g. welcome — type /welcome to find it</source>
        <translation>例如 welcome — 输入 /welcome 即可找到</translation>
    </message>
    <message>
        <source>comma-separated; a rule code makes it the first suggestion for that rule</source>
        <translation>用逗号分隔；填规则代码后，处理该规则时会优先推荐此模板</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>插入占位符</translation>
    </message>
    <message>
        <source>Write the message. {nickname} puts in the member&apos;s group nickname; {group|our group} uses &quot;our group&quot; when there is none.</source>
        <translation>在这里写消息。{nickname} 会填入成员的群昵称；{group|本群} 在没有群名时使用“本群”。</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>预览对象</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>or a member: name, nickname or platform id, then Enter</source>
        <translation>或输入成员：姓名、昵称或平台ID后回车</translation>
    </message>
    <message>
        <source>Case: {label}</source>
        <translation>案件：{label}</translation>
    </message>
    <message>
        <source>Activity: {label}</source>
        <translation>活动：{label}</translation>
    </message>
    <message>
        <source>This body cannot be saved: {reason}</source>
        <translation>此内容无法保存：{reason}</translation>
    </message>
    <message>
        <source>No value for {names} here and no fallback; write {{name|fallback}} to give one.</source>
        <translation>{names} 在这里没有值，也没有默认值；可写成 {{name|默认值}}。</translation>
    </message>
    <message>
        <source>{chars} characters · {bytes} bytes</source>
        <translation>{chars} 个字符 · {bytes} 字节</translation>
    </message>
</context>
<context>
    <name>ThemesDialog</name>
    <message>
        <source>Themes and required days</source>
        <translation>主题与必排日</translation>
    </message>
    <message>
        <source>Theme days and weeks</source>
        <translation>主题日与主题周</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>e.g. 健康周, 国庆</source>
        <translation>例如：健康周、国庆</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Save theme (Enter)</source>
        <translation>保存主题（回车）</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>新主题</translation>
    </message>
    <message>
        <source>Delete theme (Del)</source>
        <translation>删除主题 (Del)</translation>
    </message>
    <message>
        <source>Days each group needs an activity</source>
        <translation>各群必须安排活动的日子</translation>
    </message>
    <message>
        <source>Save days</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The planner warns when one of these days has nothing planned for the group.</source>
        <translation>若该群在这些日子没有安排活动，策划页会提示。</translation>
    </message>
    <message>
        <source>Loading themes</source>
        <translation>正在读取主题</translation>
    </message>
    <message>
        <source>No themes yet: type a title, pick the days and press Enter.</source>
        <translation>还没有主题：输入标题、选择日期后回车。</translation>
    </message>
    <message>
        <source>Saving the theme</source>
        <translation>正在保存主题</translation>
    </message>
    <message>
        <source>Theme saved.</source>
        <translation>主题已保存。</translation>
    </message>
    <message>
        <source>Choose a theme in the table first.</source>
        <translation>请先在表格中选择一个主题。</translation>
    </message>
    <message>
        <source>Deleting the theme</source>
        <translation>正在删除主题</translation>
    </message>
    <message>
        <source>Theme deleted.</source>
        <translation>主题已删除。</translation>
    </message>
    <message>
        <source>There are no groups yet; add one on the Roster page.</source>
        <translation>还没有群；请先在成员页添加。</translation>
    </message>
    <message>
        <source>Saving required days</source>
        <translation>正在保存必排日</translation>
    </message>
    <message>
        <source>Required days saved.</source>
        <translation>必排日已保存。</translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>The whole community</source>
        <translation>整个社群</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>The chosen days&apos; charts and numbers as a PDF (A4) or PNG, or the numbers day by day as XLSX</source>
        <translation>所选日期的图表和数字存为 PDF（A4）或 PNG，或将每日数字存为 XLSX</translation>
    </message>
    <message>
        <source>Set a target…</source>
        <translation>设定目标…</translation>
    </message>
    <message>
        <source>No numbers yet: the console works them out once a day, a little after it starts, from joins, chat imports, reports and activities.</source>
        <translation>还没有数据：控制台每天计算一次（启动后不久），数据来自入群、聊天记录导入、举报和活动。</translation>
    </message>
    <message>
        <source>Work them out now</source>
        <translation>立即计算</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG picture (*.png);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Community report {first} to {last} · {scope}</source>
        <translation>社群数据报告 {first} 至 {last} · {scope}</translation>
    </message>
    <message>
        <source>The report is in {path}.</source>
        <translation>报告已保存到 {path}。</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>正在生成报告</translation>
    </message>
    <message>
        <source>Loading trends</source>
        <translation>正在加载趋势</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>Choose days…</source>
        <translation>选择日期…</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>可以达成</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>no numbers yet</source>
        <translation>尚无数据</translation>
    </message>
    <message>
        <source>Target: {metric} {value:g}{unit} by {deadline} · now {now} · the last four weeks&apos; trend reaches {trend} · {verdict}</source>
        <translation>目标：{metric} 截至 {deadline} 达到 {value:g}{unit} · 当前 {now} · 按最近四周的趋势将达到 {trend} · {verdict}</translation>
    </message>
    <message>
        <source>Group: {name}</source>
        <translation>群：{name}</translation>
    </message>
    <message>
        <source>Segment: {name}</source>
        <translation>分组：{name}</translation>
    </message>
    <message>
        <source>Layer: {name}</source>
        <translation>分层：{name}</translation>
    </message>
</context>
<context>
    <name>activities</name>
    <message>
        <source>staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>No {what} is called &apos;{key}&apos;.</source>
        <translation>没有名为“{key}”的{what}。</translation>
    </message>
    <message>
        <source>Give the activity a title.</source>
        <translation>请给活动起个标题。</translation>
    </message>
    <message>
        <source>A title can be at most 200 characters.</source>
        <translation>标题最多 200 个字符。</translation>
    </message>
    <message>
        <source>&apos;{type}&apos; is not an activity type; use one of {value}.</source>
        <translation>“{type}”不是活动类型；请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>&apos;{status}&apos; is not a status; use one of {value}.</source>
        <translation>“{status}”不是有效状态；请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>Start and end need a time zone.</source>
        <translation>开始和结束时间需要时区。</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>An activity can last at most 31 days; use a recurring slot for a longer series.</source>
        <translation>单个活动最长 31 天；更长的系列请使用重复时段。</translation>
    </message>
    <message>
        <source>The start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>{exc}.</source>
        <translation>{exc}。</translation>
    </message>
    <message>
        <source>Capacity must be at least 1, or empty for no limit.</source>
        <translation>名额至少为 1，留空表示不限。</translation>
    </message>
    <message>
        <source>Reward points cannot be negative.</source>
        <translation>奖励积分不能为负数。</translation>
    </message>
    <message>
        <source>The check-in word is at most {n} characters of plain text.</source>
        <translation>打卡口令最多 {n} 个字符，且只能是普通文字。</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>group</source>
        <translation>群</translation>
    </message>
    <message>
        <source>That activity no longer exists; reload the planner.</source>
        <translation>该活动已不存在；请重新载入活动计划。</translation>
    </message>
    <message>
        <source>That activity is gone for good; it cannot be restored.</source>
        <translation>该活动已被永久删除，无法恢复。</translation>
    </message>
    <message>
        <source>That occurrence is not part of the slot any more; reload.</source>
        <translation>该场次已不属于这个时段；请重新载入。</translation>
    </message>
    <message>
        <source>its skipped and moved occurrences cannot be read ({exc})</source>
        <translation>其跳过和改期的场次无法读取（{exc}）</translation>
    </message>
    <message>
        <source>Weekdays run from 0 (Monday) to 6 (Sunday).</source>
        <translation>星期取值为 0（周一）到 6（周日）。</translation>
    </message>
</context>
<context>
    <name>activity_files</name>
    <message>
        <source>has no start time</source>
        <translation>没有开始时间</translation>
    </message>
    <message>
        <source>has no {prop}</source>
        <translation>缺少 {prop}</translation>
    </message>
    <message>
        <source>{prop} uses the time zone &apos;{tzid}&apos;, which neither the file (VTIMEZONE) nor the zone database defines</source>
        <translation>{prop} 使用了时区“{tzid}”，但文件（VTIMEZONE）和时区数据库中都没有定义它</translation>
    </message>
    <message>
        <source>event &apos;{summary}&apos; ({uid})</source>
        <translation>事件“{summary}”（{uid}）</translation>
    </message>
    <message>
        <source>Cannot read {path}: {strerror}.</source>
        <translation>无法读取 {path}：{strerror}。</translation>
    </message>
    <message>
        <source>{name} is not an iCalendar file: {exc}.</source>
        <translation>{name} 不是 iCalendar 文件：{exc}。</translation>
    </message>
    <message>
        <source>{event}: {problem}</source>
        <translation>{event}：{problem}</translation>
    </message>
    <message>
        <source>moves an occurrence of an event the file does not contain</source>
        <translation>改期的场次所属事件不在该文件中</translation>
    </message>
    <message>
        <source>and {more} more problems</source>
        <translation>另有 {more} 个问题</translation>
    </message>
    <message>
        <source>{name}: nothing was imported. {problems}.</source>
        <translation>{name}：未导入任何内容。{problems}。</translation>
    </message>
</context>
<context>
    <name>activity_tasks</name>
    <message>
        <source>Say what has to be done.</source>
        <translation>请写明要做什么。</translation>
    </message>
    <message>
        <source>A task can be at most 200 characters.</source>
        <translation>任务最多 200 个字符。</translation>
    </message>
    <message>
        <source>That staff member no longer exists.</source>
        <translation>该工作人员已不存在。</translation>
    </message>
    <message>
        <source>That task was deleted meanwhile; reload.</source>
        <translation>该任务已被删除；请重新载入。</translation>
    </message>
</context>
<context>
    <name>appeals</name>
    <message>
        <source>This case is already under appeal.</source>
        <translation>该案件已在申诉中。</translation>
    </message>
    <message>
        <source>This case was already decided on appeal.</source>
        <translation>该案件的申诉已有裁决。</translation>
    </message>
    <message>
        <source>This case has no decision to appeal yet.</source>
        <translation>该案件尚未处理，无可申诉的决定。</translation>
    </message>
    <message>
        <source>The report was dismissed; there is no sanction to appeal.</source>
        <translation>该举报已驳回，没有可申诉的处罚。</translation>
    </message>
    <message>
        <source>Write down what the member says in their appeal.</source>
        <translation>请写下成员申诉的内容。</translation>
    </message>
    <message>
        <source>This is not an appeal case.</source>
        <translation>这不是申诉案件。</translation>
    </message>
    <message>
        <source>This appeal was already answered; nothing was applied again.</source>
        <translation>该申诉已答复，未重复执行。</translation>
    </message>
    <message>
        <source>You made the original decision; a different moderator must decide the appeal.</source>
        <translation>原处理决定是你做出的；申诉须由另一位版主裁决。</translation>
    </message>
    <message>
        <source>An appeal is {value}; not &apos;{outcome}&apos;.</source>
        <translation>申诉结果只能是 {value}，不能是“{outcome}”。</translation>
    </message>
    <message>
        <source>Give the reason for the appeal&apos;s outcome; the member is told it.</source>
        <translation>请填写申诉结果的理由；会告知成员。</translation>
    </message>
    <message>
        <source>A reduced sanction must be lighter than {code}.</source>
        <translation>减轻后的处罚必须轻于 {code}。</translation>
    </message>
</context>
<context>
    <name>attendance</name>
    <message>
        <source>That member is not signed up for this occurrence.</source>
        <translation>该成员没有报名这一场。</translation>
    </message>
    <message>
        <source>That member has already attended; their check-in stays.</source>
        <translation>该成员已签到，签到记录保留。</translation>
    </message>
    <message>
        <source>Draw from the attendees or from a named segment.</source>
        <translation>请从到场者或指定分群中抽奖。</translation>
    </message>
    <message>
        <source>Cannot draw: {exc}.</source>
        <translation>无法抽奖：{exc}。</translation>
    </message>
    <message>
        <source>No draw has that id.</source>
        <translation>没有这个编号的抽奖。</translation>
    </message>
</context>
<context>
    <name>audit_words</name>
    <message>
        <source>mute</source>
        <translation>禁言</translation>
    </message>
    <message>
        <source>ban</source>
        <translation>封禁</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>removal</source>
        <translation>移出群</translation>
    </message>
    <message>
        <source>{days}-day mute</source>
        <translation>禁言 {days} 天</translation>
    </message>
    <message>
        <source>permanent mute</source>
        <translation>永久禁言</translation>
    </message>
    <message>
        <source>no sanction</source>
        <translation>不处罚</translation>
    </message>
    <message>
        <source>no rule</source>
        <translation>未选规则</translation>
    </message>
    <message>
        <source>{actor} dismissed the report on {member}</source>
        <translation>{actor} 驳回了对 {member} 的举报</translation>
    </message>
    <message>
        <source>{actor} muted {member} for {days} days (rule: {rule})</source>
        <translation>{actor} 禁言 {member} {days} 天（规则：{rule}）</translation>
    </message>
    <message>
        <source>{actor} warned {member} (rule: {rule})</source>
        <translation>{actor} 警告了 {member}（规则：{rule}）</translation>
    </message>
    <message>
        <source>{actor} muted {member} permanently (rule: {rule})</source>
        <translation>{actor} 永久禁言 {member}（规则：{rule}）</translation>
    </message>
    <message>
        <source>{actor} removed {member} from the group (rule: {rule})</source>
        <translation>{actor} 将 {member} 移出群（规则：{rule}）</translation>
    </message>
    <message>
        <source>{actor} banned {member} (rule: {rule})</source>
        <translation>{actor} 封禁了 {member}（规则：{rule}）</translation>
    </message>
    <message>
        <source>{actor} decided {member}&apos;s case: {step} (rule: {rule})</source>
        <translation>{actor} 处理了 {member} 的案件：{step}（规则：{rule}）</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>{actor} reduced {member}&apos;s sanction on appeal, from {old} to {new}</source>
        <translation>{actor} 在申诉中将 {member} 的处罚从{old}减轻为{new}</translation>
    </message>
    <message>
        <source>{actor} overturned {member}&apos;s sanction on appeal</source>
        <translation>{actor} 在申诉中撤销了 {member} 的处罚</translation>
    </message>
    <message>
        <source>{actor} upheld {member}&apos;s sanction on appeal</source>
        <translation>{actor} 在申诉中维持了 {member} 的处罚</translation>
    </message>
    <message>
        <source>{actor} lifted {member}&apos;s {kind} early</source>
        <translation>{actor} 提前解除了 {member} 的{kind}</translation>
    </message>
    <message>
        <source>{actor} changed {member}&apos;s {field}: {old} → {new}</source>
        <translation>{actor} 修改了 {member} 的{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>{actor} imported {file}: {created} new, {updated} updated, {skipped} rows skipped</source>
        <translation>{actor} 导入了 {file}：新增 {created} 名，更新 {updated} 名，跳过 {skipped} 行</translation>
    </message>
    <message>
        <source>{actor} tagged {count} members: added {added}; removed {removed}</source>
        <translation>{actor} 为 {count} 名成员打标签：添加 {added}；移除 {removed}</translation>
    </message>
    <message>
        <source>{actor} undid tagging on {count} members: added {added}; removed {removed}</source>
        <translation>{actor} 撤销了 {count} 名成员的打标签：添加 {added}；移除 {removed}</translation>
    </message>
    <message>
        <source>{actor} renamed the group {old} to {new}</source>
        <translation>{actor} 将群 {old} 改名为 {new}</translation>
    </message>
    <message>
        <source>{actor} moved {count} members from {source} to {group}</source>
        <translation>{actor} 将 {count} 名成员从 {source} 移到 {group}</translation>
    </message>
    <message>
        <source>{actor} added {count} members to {group}</source>
        <translation>{actor} 将 {count} 名成员加入 {group}</translation>
    </message>
    <message>
        <source>{actor} renamed the segment {old} to {new}</source>
        <translation>{actor} 将分群 {old} 改名为 {new}</translation>
    </message>
    <message>
        <source>{actor} copied the reply /{template} for {member}</source>
        <translation>{actor} 为 {member} 复制了回复 /{template}</translation>
    </message>
    <message>
        <source>{actor} drew {count} winners for {activity}</source>
        <translation>{actor} 为 {activity} 抽出 {count} 名中奖者</translation>
    </message>
    <message>
        <source>{actor}: {action}</source>
        <translation>{actor}：{action}</translation>
    </message>
    <message>
        <source>{actor} undid the decision on {member}&apos;s case</source>
        <translation>{actor} 撤销了对 {member} 案件的处理</translation>
    </message>
    <message>
        <source>{actor} recorded {member}&apos;s appeal</source>
        <translation>{actor} 登记了 {member} 的申诉</translation>
    </message>
    <message>
        <source>{actor} added a note on {member}</source>
        <translation>{actor} 为 {member} 添加了备注</translation>
    </message>
    <message>
        <source>{actor} edited a note on {member}</source>
        <translation>{actor} 修改了 {member} 的备注</translation>
    </message>
    <message>
        <source>{actor} deleted a note on {member}</source>
        <translation>{actor} 删除了 {member} 的备注</translation>
    </message>
    <message>
        <source>{actor} added the member {member}</source>
        <translation>{actor} 添加了成员 {member}</translation>
    </message>
    <message>
        <source>{actor} edited {member}</source>
        <translation>{actor} 编辑了 {member}</translation>
    </message>
    <message>
        <source>{actor} created the group {group} (cap {cap})</source>
        <translation>{actor} 创建了群 {group}（上限 {cap}）</translation>
    </message>
    <message>
        <source>{actor} set the cap of the group {group} to {cap}</source>
        <translation>{actor} 将群 {group} 的上限设为 {cap}</translation>
    </message>
    <message>
        <source>{actor} archived the group {name}</source>
        <translation>{actor} 归档了群 {name}</translation>
    </message>
    <message>
        <source>{actor} edited the rule {rule}</source>
        <translation>{actor} 编辑了规则 {rule}</translation>
    </message>
    <message>
        <source>{actor} changed the penalty ladder</source>
        <translation>{actor} 修改了处罚阶梯</translation>
    </message>
    <message>
        <source>{actor} saved the segment {name}</source>
        <translation>{actor} 保存了分群 {name}</translation>
    </message>
    <message>
        <source>{actor} deleted the segment {name}</source>
        <translation>{actor} 删除了分群 {name}</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>{target} already exists; choose a new file name or pass --force.</source>
        <translation>{target} 已存在；请换一个文件名，或加 --force。</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist; create it first.</source>
        <translation>文件夹 {parent} 不存在；请先创建。</translation>
    </message>
    <message>
        <source>The backup cannot be the open database itself; choose another file.</source>
        <translation>备份不能写到当前打开的数据库本身；请选择其他文件。</translation>
    </message>
    <message>
        <source>The copy failed its integrity check ({status}); nothing was written.</source>
        <translation>副本未通过完整性检查（{status}）；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>There is no backup {source}.</source>
        <translation>没有备份 {source}。</translation>
    </message>
    <message>
        <source>The backup {name} is damaged too ({problem}); choose an older one.</source>
        <translation>备份 {name} 也已损坏（{problem}）；请选择更早的备份。</translation>
    </message>
    <message>
        <source>{name} is not a modconsole database.</source>
        <translation>{name} 不是 modconsole 数据库。</translation>
    </message>
    <message>
        <source>{target} already exists; choose a new file name.</source>
        <translation>{target} 已存在；请换一个文件名。</translation>
    </message>
    <message>
        <source>Nothing can be salvaged: {exc}</source>
        <translation>无法抢救任何数据：{exc}</translation>
    </message>
    <message>
        <source>{name} has schema {revision}, this modconsole writes {SCHEMA_HEAD}; salvage it with the version that wrote it.</source>
        <translation>{name} 的结构版本是 {revision}，本版 modconsole 写入的是 {SCHEMA_HEAD}；请用写入它的版本进行抢救。</translation>
    </message>
    <message>
        <source>There is no automatic backup of {name} yet (they are made once a day while the console runs, in {value}).</source>
        <translation>{name} 还没有自动备份（控制台运行时每天备份一次，保存在 {value}）。</translation>
    </message>
</context>
<context>
    <name>cases</name>
    <message>
        <source>Evidence files need a database file, not an in-memory one.</source>
        <translation>证据文件需要数据库文件，内存数据库不支持。</translation>
    </message>
    <message>
        <source>{who} has claimed this case until {until}; leave it to them or wait for the claim to run out.</source>
        <translation>{who} 已认领此案件至 {until}；请交给对方处理，或等认领到期。</translation>
    </message>
    <message>
        <source>No member has the platform id or id &apos;{key}&apos;.</source>
        <translation>没有平台 ID 或编号为“{key}”的成员。</translation>
    </message>
    <message>
        <source>No group is called &apos;{key}&apos;.</source>
        <translation>没有名为“{key}”的群。</translation>
    </message>
    <message>
        <source>Source &apos;{source}&apos; is not one of {sources}.</source>
        <translation>来源“{source}”不在 {sources} 之中。</translation>
    </message>
    <message>
        <source>A report needs evidence: a text excerpt, a link or a file.</source>
        <translation>举报需要证据：文字摘录、链接或文件。</translation>
    </message>
    <message>
        <source>The evidence text is {n_evidence} characters; keep it under {MAX_EVIDENCE_CHARS} and attach the rest as a file.</source>
        <translation>证据文字有 {n_evidence} 个字符；请控制在 {MAX_EVIDENCE_CHARS} 以内，其余作为文件附上。</translation>
    </message>
    <message>
        <source>&apos;{link}&apos; is not a web link (http:// or https://).</source>
        <translation>“{link}”不是网页链接（http:// 或 https://）。</translation>
    </message>
    <message>
        <source>Evidence file {path} does not exist.</source>
        <translation>证据文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>Evidence file {name} is over 50 MB.</source>
        <translation>证据文件 {name} 超过 50 MB。</translation>
    </message>
    <message>
        <source>Status &apos;{status}&apos; is not one of {value}.</source>
        <translation>状态“{status}”不在 {value} 之中。</translation>
    </message>
    <message>
        <source>That case no longer exists.</source>
        <translation>该案件已不存在。</translation>
    </message>
</context>
<context>
    <name>chat_import</name>
    <message>
        <source>There is no file {path}.</source>
        <translation>没有文件 {path}。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is not a chat export this console reads: a Telegram result.json, a QQ message record (.txt), or a message table (.csv, .xlsx).</source>
        <translation>{name} 不是本控制台能读取的聊天导出文件：可读取 Telegram 的 result.json、QQ 消息记录（.txt）或消息表格（.csv、.xlsx）。</translation>
    </message>
    <message>
        <source>{name} holds no messages: export the chat again with its history included.</source>
        <translation>{name} 中没有消息：请重新导出聊天，并包含聊天历史。</translation>
    </message>
    <message>
        <source>{name}, line {line}: the bytes are not {encoding} text ({exc}).</source>
        <translation>{name} 第 {line} 行：内容不是 {encoding} 编码的文字（{exc}）。</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>the time &apos;{value}&apos; is not a date ({exc})</source>
        <translation>时间“{value}”不是有效日期（{exc}）</translation>
    </message>
    <message>
        <source>No column names the sender; the file&apos;s columns are {columns}. Map one with --map COLUMN=sender_id (or sender_name).</source>
        <translation>没有表示发送者的列；文件的列为 {columns}。请用 --map 列名=sender_id（或 sender_name）指定一列。</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>第 {row} 行，“{column}”列</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time (use 2024-01-31 20:05:00, ISO 8601, or Unix seconds)</source>
        <translation>“{value}”不是时间（请用 2024-01-31 20:05:00、ISO 8601 或 Unix 秒数）</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>names no sender</source>
        <translation>没有发送者</translation>
    </message>
    <message>
        <source>{name} is a Telegram export of a {kind}, not of a group; export the group&apos;s history instead.</source>
        <translation>{name} 是 Telegram 的 {kind} 导出，不是群聊导出；请改为导出群的聊天历史。</translation>
    </message>
    <message>
        <source>{name} is a whole-account Telegram export; export one group&apos;s history instead (the group&apos;s ⋮ menu, Export chat history, JSON).</source>
        <translation>{name} 是整个 Telegram 账号的导出；请改为导出单个群的聊天历史（群的 ⋮ 菜单 → 导出聊天记录 → JSON）。</translation>
    </message>
    <message>
        <source>{name} is not readable JSON near its start ({exc}).</source>
        <translation>{name} 开头部分不是可读取的 JSON（{exc}）。</translation>
    </message>
    <message>
        <source>{name} has no &quot;messages&quot; list: it is not a Telegram chat export.</source>
        <translation>{name} 中没有“messages”列表：它不是 Telegram 聊天导出文件。</translation>
    </message>
    <message>
        <source>is not a message object</source>
        <translation>不是消息对象</translation>
    </message>
    <message>
        <source>cannot be read: {exc}</source>
        <translation>无法读取：{exc}</translation>
    </message>
    <message>
        <source>{name} breaks off or is damaged after message {number} (id {id}), near byte {offset}: {exc}. Export the chat again.</source>
        <translation>{name} 在第 {number} 条消息（id {id}）之后中断或损坏，位置约在第 {offset} 字节：{exc}。请重新导出聊天。</translation>
    </message>
    <message>
        <source>message {number} (id {id})</source>
        <translation>第 {number} 条消息（id {id}）</translation>
    </message>
    <message>
        <source>it has no date</source>
        <translation>没有日期</translation>
    </message>
    <message>
        <source>rule {code}: {exc}</source>
        <translation>规则 {code}：{exc}</translation>
    </message>
    <message>
        <source>the time {at} is not between 1990 and 2100</source>
        <translation>时间 {at} 不在 1990 年到 2100 年之间</translation>
    </message>
</context>
<context>
    <name>classification</name>
    <message>
        <source>&apos;{name}&apos; must be a whole number of 0 or more</source>
        <translation>“{name}”必须是 0 或更大的整数</translation>
    </message>
    <message>
        <source>the core and potential layers together exceed 100 %</source>
        <translation>核心层与潜力层合计超过 100%</translation>
    </message>
    <message>
        <source>churn warning days must be rising, e.g. 3, 7, 14, 30</source>
        <translation>流失预警天数必须递增，例如 3、7、14、30</translation>
    </message>
    <message>
        <source>unknown rule {value}</source>
        <translation>未知规则 {value}</translation>
    </message>
    <message>
        <source>the saved classification rules are unreadable: {exc}</source>
        <translation>保存的分类规则无法读取：{exc}</translation>
    </message>
    <message>
        <source>{exc}. Reset the rules to their defaults in the roster&apos;s rules dialog.</source>
        <translation>{exc}。请在成员名册的规则对话框中将规则恢复为默认值。</translation>
    </message>
    <message>
        <source>That member no longer exists.</source>
        <translation>该成员已不存在。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>The segment &apos;{segment}&apos; already searches for &apos;{query}&apos;; leave out --query.</source>
        <translation>分群“{segment}”已经在搜索“{query}”；请去掉 --query。</translation>
    </message>
    <message>
        <source>Demo community written to {path}: {members} members, {groups} groups, {cases} cases, {activities} activities.</source>
        <translation>演示社群已写入 {path}：{members} 名成员、{groups} 个群、{cases} 个案件、{activities} 个活动。</translation>
    </message>
    <message>
        <source>{n_added} tags added and {n_removed} removed on {members} of {n_ids} members.</source>
        <translation>已在 {n_ids} 名成员中的 {members} 名上添加 {n_added} 个标签、移除 {n_removed} 个。</translation>
    </message>
    <message>
        <source>Not imported (no field of the console matches): {columns}. Map one with --map COLUMN=field.</source>
        <translation>未导入（没有对应的字段）：{columns}。可用 --map 列名=字段 指定。</translation>
    </message>
    <message>
        <source>Groups that would be created: {groups} (kind &apos;other&apos;; set their kind and cap on the Groups page).</source>
        <translation>将新建的群：{groups}（类型为“其他”；可在群页面设置类型和人数上限）。</translation>
    </message>
    <message>
        <source>Groups created: {groups} (kind &apos;other&apos;; set their kind and cap on the Groups page).</source>
        <translation>已新建的群：{groups}（类型为“其他”；可在群页面设置类型和人数上限）。</translation>
    </message>
    <message>
        <source>Imported {imported} of {rows} rows: {created} new members, {updated} updated.</source>
        <translation>已导入 {rows} 行中的 {imported} 行：新增 {created} 名成员，更新 {updated} 名。</translation>
    </message>
    <message>
        <source>{skipped} bad rows skipped; they are in {errors_file}.</source>
        <translation>已跳过 {skipped} 个错误行，见 {errors_file}。</translation>
    </message>
    <message>
        <source>Dry run: {rows} rows are fine ({created} would be new, {updated} updated). Nothing was written.</source>
        <translation>试运行：{rows} 行均无问题（将新增 {created} 名，更新 {updated} 名）。未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported: {n_errors} problems in {skipped} of {rows} rows.</source>
        <translation>未导入任何内容：{rows} 行中有 {skipped} 行存在 {n_errors} 个问题。</translation>
    </message>
    <message>
        <source>They are also in {errors_file}.</source>
        <translation>这些问题也写入了 {errors_file}。</translation>
    </message>
    <message>
        <source>Fix them, or pass --skip-bad-rows --errors OUT.csv to import the good rows.</source>
        <translation>请修正后重试，或加 --skip-bad-rows --errors OUT.csv 只导入正确的行。</translation>
    </message>
    <message>
        <source>{out} already exists; pass --force to replace it.</source>
        <translation>{out} 已存在；加 --force 可覆盖。</translation>
    </message>
    <message>
        <source>Exported {count} members to {out}.</source>
        <translation>已导出 {count} 名成员到 {out}。</translation>
    </message>
    <message>
        <source>Backup written to {out} ({size:,} bytes).</source>
        <translation>备份已写入 {out}（{size:,} 字节）。</translation>
    </message>
    <message>
        <source>No automatic backups yet; they go to {value}.</source>
        <translation>还没有自动备份；备份将保存在 {value}。</translation>
    </message>
    <message>
        <source>Restored {source} into {db_path}; the file it replaced is at {aside}.</source>
        <translation>已将 {source} 恢复到 {db_path}；被替换的文件在 {aside}。</translation>
    </message>
    <message>
        <source>Copied {value:,} rows into {out}.</source>
        <translation>已复制 {value:,} 行到 {out}。</translation>
    </message>
    <message>
        <source>Open the new file with --db (or Settings → Database) and check it.</source>
        <translation>请用 --db（或 设置 → 数据库）打开新文件并检查。</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>Signed in to {url} as {account} ({role}).</source>
        <translation>已以 {account}（{role}）身份登录 {url}。</translation>
    </message>
    <message>
        <source>The team has no data yet: `modconsole sync` uploads this database&apos;s as the team&apos;s first.</source>
        <translation>团队还没有数据：`modconsole sync` 会把本数据库的数据上传为团队的第一份数据。</translation>
    </message>
    <message>
        <source>This database is fresh: `modconsole sync` fills it with the team&apos;s data.</source>
        <translation>这是一个新的数据库：`modconsole sync` 会用团队的数据填充它。</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the sign-in in, so it lasts for this command only. Install and unlock one (GNOME Keyring, KWallet, or the system&apos;s own on Windows and macOS) and sign in again.</source>
        <translation>这台电脑没有可保存登录凭据的钥匙串，所以这次登录只在本次命令内有效。请安装并解锁一个（GNOME Keyring、KWallet，或 Windows 和 macOS 自带的），然后重新登录。</translation>
    </message>
    <message>
        <source>Signed out of {url}.</source>
        <translation>已退出 {url}。</translation>
    </message>
    <message>
        <source>This console is not signed in to a team server.</source>
        <translation>这个控制台没有登录团队服务器。</translation>
    </message>
    <message>
        <source>Pushed {pushed:,} changes ({conflicts:,} conflicts, {refused:,} refused, kept for you to look at); pulled {pulled:,}.</source>
        <translation>已推送 {pushed:,} 项更改（{conflicts:,} 项冲突、{refused:,} 项被拒，已留待你查看）；已拉取 {pulled:,} 项。</translation>
    </message>
    <message>
        <source>Database upgraded to schema {to_revision}; the old file was copied to {backup_path}.</source>
        <translation>数据库已升级到结构版本 {to_revision}；旧文件已复制到 {backup_path}。</translation>
    </message>
    <message>
        <source>modconsole: nothing was written.</source>
        <translation>modconsole：未写入任何内容。</translation>
    </message>
    <message>
        <source>modconsole: {command} failed unexpectedly; details are in {log_file}.</source>
        <translation>modconsole：{command} 意外失败；详情见 {log_file}。</translation>
    </message>
    <message>
        <source>modconsole: the database is busy: another modconsole window or command is writing to it. Nothing was written; try again when it is done.</source>
        <translation>modconsole：数据库正忙，另一个 modconsole 窗口或命令正在写入。未写入任何内容；请等它完成后重试。</translation>
    </message>
    <message>
        <source>modconsole: waiting for {value} to finish writing to the database…</source>
        <translation>modconsole：正在等待{value}完成数据库写入…</translation>
    </message>
    <message>
        <source>Group &apos;{group}&apos; archived.</source>
        <translation>群“{group}”已归档。</translation>
    </message>
    <message>
        <source>Group &apos;{group}&apos; updated.</source>
        <translation>群“{group}”已更新。</translation>
    </message>
    <message>
        <source>Tag &apos;{tag}&apos; is now &apos;{name}&apos;.</source>
        <translation>标签“{tag}”已改名为“{name}”。</translation>
    </message>
    <message>
        <source>Merged &apos;{source}&apos; into &apos;{target}&apos; on {members} members.</source>
        <translation>已将“{source}”合并到“{target}”，涉及 {members} 名成员。</translation>
    </message>
    <message>
        <source>Deleted &apos;{tag}&apos; from {members} members.</source>
        <translation>已从 {members} 名成员上删除“{tag}”。</translation>
    </message>
    <message>
        <source>Appeal {appeal_case_id}: {outcome}; standing: {standing}.</source>
        <translation>申诉 {appeal_case_id}：{outcome}；现行处罚：{standing}。</translation>
    </message>
    <message>
        <source>Case {case_id}: {code} (the ladder suggested {suggested}).</source>
        <translation>案件 {case_id}：{code}（处罚阶梯建议 {suggested}）。</translation>
    </message>
    <message>
        <source>Case {case_id}: {code}.</source>
        <translation>案件 {case_id}：{code}。</translation>
    </message>
    <message>
        <source>Merged into an existing case with the same evidence; it now has {report_count} reports.</source>
        <translation>已并入证据相同的现有案件；该案件现有 {report_count} 条举报。</translation>
    </message>
    <message>
        <source>modconsole: --weeks takes 1 or more.</source>
        <translation>modconsole：--weeks 至少为 1。</translation>
    </message>
    <message>
        <source>all weeks</source>
        <translation>全部周</translation>
    </message>
    <message>
        <source>row {row}, {column}: {reason}</source>
        <translation>第 {row} 行，{column}：{reason}</translation>
    </message>
    <message>
        <source>Nothing was imported: {n_errors} bad rows of {rows}. Fix them, or pass --skip-bad-rows --errors OUT.csv to file the good rows.</source>
        <translation>未导入任何内容：{rows} 行中有 {n_errors} 个错误行。请修正后重试，或加 --skip-bad-rows --errors OUT.csv 只登记正确的行。</translation>
    </message>
    <message>
        <source>Filed {filed} of {rows} reports ({merged} merged into existing cases).</source>
        <translation>已登记 {rows} 条举报中的 {filed} 条（{merged} 条并入现有案件）。</translation>
    </message>
    <message>
        <source>modconsole: &apos;{title}&apos; ({activity_id}) is left out: its repeat rule cannot be used ({problem}). Fix the rule in the planner.</source>
        <translation>modconsole：“{title}”（{activity_id}）未列出：它的重复规则无法使用（{problem}）。请在活动计划中修正规则。</translation>
    </message>
    <message>
        <source>Imported {name}: {created} new, {updated} updated, {moved} moved occurrences.</source>
        <translation>已导入 {name}：新增 {created} 个，更新 {updated} 个，改期场次 {moved} 个。</translation>
    </message>
    <message>
        <source>Exported {count} activities to {out}.</source>
        <translation>已导出 {count} 个活动到 {out}。</translation>
    </message>
    <message>
        <source>Exported {count} occurrences to {out}.</source>
        <translation>已导出 {count} 个场次到 {out}。</translation>
    </message>
    <message>
        <source>{count} templates written to {out}.</source>
        <translation>已将 {count} 个模板写入 {out}。</translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged, {kept_ours} kept (ours is newer), {taken_theirs} conflicts settled with the file&apos;s version.</source>
        <translation>新增 {added} 个，更新 {updated} 个，未变 {unchanged} 个，保留本地 {kept_ours} 个（本地较新），{taken_theirs} 个冲突采用了文件中的版本。</translation>
    </message>
    <message>
        <source>conflict: /{code} ({lang}) {id} was edited here and in the file; left as it is here (pass --theirs to take the file&apos;s version).</source>
        <translation>冲突：/{code}（{lang}）{id} 在本地和文件中都被修改；保留本地版本（加 --theirs 采用文件中的版本）。</translation>
    </message>
</context>
<context>
    <name>cli_catalog</name>
    <message>
        <source>There is no tag group &apos;{group_name}&apos;.</source>
        <translation>没有标签组“{group_name}”。</translation>
    </message>
</context>
<context>
    <name>cli_chat</name>
    <message>
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <source>… and {more} more</source>
        <translation>……另有 {more} 条</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} messages cannot be read. Export the chat again, or pass --skip-bad to import the rest.</source>
        <translation>未导入任何内容：有 {n} 条消息无法读取。请重新导出聊天，或加上 --skip-bad 导入其余消息。</translation>
    </message>
    <message>
        <source> from {first} to {last}</source>
        <translation>，时间 {first} 至 {last}</translation>
    </message>
    <message>
        <source>{file} ({chats}): {messages} messages{span}.</source>
        <translation>{file}（{chats}）：{messages} 条消息{span}。</translation>
    </message>
    <message>
        <source>Counted {counted} new messages of {members} members; {repeated} were counted by an earlier import; {unmatched} are from senders who match no member.</source>
        <translation>统计了 {members} 名成员的 {counted} 条新消息；{repeated} 条已在之前的导入中统计过；{unmatched} 条来自无法对应成员的发送者。</translation>
    </message>
    <message>
        <source>Joins: {joins}. Leaves: {leaves}.</source>
        <translation>入群：{joins}。退群：{leaves}。</translation>
    </message>
    <message>
        <source>Check-ins: {n}; {points} members earned the activity&apos;s points.</source>
        <translation>打卡：{n} 次；{points} 名成员获得了活动积分。</translation>
    </message>
    <message>
        <source>Groups created: {groups}.</source>
        <translation>新建的群：{groups}。</translation>
    </message>
    <message>
        <source>Members created: {n}.</source>
        <translation>新建的成员：{n}。</translation>
    </message>
    <message>
        <source>Detectors not used: {problem}.</source>
        <translation>未使用的检测器：{problem}。</translation>
    </message>
    <message>
        <source>Flagged by the rules&apos; detectors: {n} messages of members (reports in the queue; {cases} new cases), {unknown} of senders who match no member (not filed).</source>
        <translation>规则检测器标记了成员的 {n} 条消息（举报已进入队列；新建 {cases} 个案件），以及无法对应成员的发送者的 {unknown} 条（未提交）。</translation>
    </message>
    <message>
        <source>Senders who match no member ({n}), the most active first:</source>
        <translation>无法对应成员的发送者（{n} 人），按发言数从多到少：</translation>
    </message>
    <message>
        <source>Import members first, or pass --create-members to add the senders who have an id.</source>
        <translation>请先导入成员，或加上 --create-members 将有 ID 的发送者添加为成员。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>{n} members updated; classes and churn levels recomputed.</source>
        <translation>已更新 {n} 名成员；已重新计算分类和流失等级。</translation>
    </message>
</context>
<context>
    <name>cli_detectors</name>
    <message>
        <source>No rule has detectors. Add some with `modconsole rules detectors set RULE --keywords …`.</source>
        <translation>还没有规则设置检测器。可以用 `modconsole rules detectors set 规则 --keywords …` 添加。</translation>
    </message>
    <message>
        <source>Columns: rule, detector, reports filed, dismissed/decided, dismiss rate (false positives), settings.</source>
        <translation>各列：规则、检测器、举报数、驳回/已处理、驳回率（误报）、设置。</translation>
    </message>
    <message>
        <source>--{name} takes N/SECONDS, e.g. 8/10.</source>
        <translation>--{name} 的格式为 条数/秒数，例如 8/10。</translation>
    </message>
    <message>
        <source>{code}: {detectors}</source>
        <translation>{code}：{detectors}</translation>
    </message>
    <message>
        <source>no detectors</source>
        <translation>无检测器</translation>
    </message>
    <message>
        <source>{code}: {exc}.</source>
        <translation>{code}：{exc}。</translation>
    </message>
    <message>
        <source>{n} messages could not be read and were not scanned.</source>
        <translation>有 {n} 条消息无法读取，未被检测。</translation>
    </message>
    <message>
        <source>{hits} hits in {messages} messages; nothing was written.</source>
        <translation>{messages} 条消息中命中 {hits} 次；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>cli_moderation</name>
    <message>
        <source>--days and --permanent go with --action mute.</source>
        <translation>--days 和 --permanent 只能与 --action mute 一起使用。</translation>
    </message>
    <message>
        <source>Only a mute takes --days or --permanent.</source>
        <translation>只有禁言才能使用 --days 或 --permanent。</translation>
    </message>
    <message>
        <source>Say how long: --days N or --permanent.</source>
        <translation>请说明时长：--days N 或 --permanent。</translation>
    </message>
    <message>
        <source>There is no case &apos;{key}&apos;; give its id or at least its first 4 characters (reports list shows them).</source>
        <translation>没有案件“{key}”；请给出编号或至少前 4 个字符（reports list 会列出）。</translation>
    </message>
    <message>
        <source>Several cases begin with &apos;{key}&apos;; give more of the id.</source>
        <translation>有多个案件以“{key}”开头；请给出更长的编号。</translation>
    </message>
</context>
<context>
    <name>cli_monitor</name>
    <message>
        <source>{out} already exists; pass --force to replace it.</source>
        <translation>{out} 已存在；加上 --force 可替换它。</translation>
    </message>
    <message>
        <source>{first} to {last}: members {before} → {after} ({joins} joined, {leaves} left); active within 7 days on the last day: {share}; {reports} reports in, {decided} cases decided; {signups} sign-ups, {checkins} check-ins; {points} points paid.</source>
        <translation>{first} 至 {last}：成员 {before} → {after}（入群 {joins}，退群 {leaves}）；最后一天 7 天内活跃占比：{share}；收到举报 {reports}，处理案件 {decided}；报名 {signups}，签到 {checkins}；发放积分 {points}。</translation>
    </message>
    <message>
        <source>Community report {period}</source>
        <translation>社群数据报告 {period}</translation>
    </message>
    <message>
        <source>The report is in {out}.</source>
        <translation>报告已保存到 {out}。</translation>
    </message>
    <message>
        <source>The days are in {out}.</source>
        <translation>每日数据已写入 {out}。</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>可以达成</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>no numbers yet</source>
        <translation>尚无数据</translation>
    </message>
    <message>
        <source>--from must not be after --to.</source>
        <translation>--from 不能晚于 --to。</translation>
    </message>
    <message>
        <source>Rolled up {first} to {last}: {scopes} scopes, {rows} numbers.</source>
        <translation>已汇总 {first} 至 {last}：{scopes} 个范围，{rows} 个数值。</translation>
    </message>
    <message>
        <source>No numbers yet: run `modconsole monitor rollup` first.</source>
        <translation>还没有数据：请先运行 `modconsole monitor rollup`。</translation>
    </message>
</context>
<context>
    <name>cli_planner</name>
    <message>
        <source>--timezone: {exc}.</source>
        <translation>--timezone：{exc}。</translation>
    </message>
    <message>
        <source>{out} already exists; pass --force to replace it.</source>
        <translation>{out} 已存在；加 --force 可覆盖。</translation>
    </message>
    <message>
        <source>Give both --from and --to, or neither.</source>
        <translation>请同时给出 --from 和 --to，或都不给。</translation>
    </message>
    <message>
        <source>A table export lists occurrences; give --from and --to.</source>
        <translation>表格导出按场次列出；请给出 --from 和 --to。</translation>
    </message>
    <message>
        <source>--minutes must be at least 1.</source>
        <translation>--minutes 至少为 1。</translation>
    </message>
</context>
<context>
    <name>cli_templates</name>
    <message>
        <source>--var {pair!r} is not KEY=VALUE.</source>
        <translation>--var {pair!r} 不是 KEY=VALUE 格式。</translation>
    </message>
    <message>
        <source>{out} already exists; pass --force to replace it.</source>
        <translation>{out} 已存在；加 --force 可覆盖。</translation>
    </message>
    <message>
        <source>/{code} has no {lang} variant.</source>
        <translation>/{code} 没有 {lang} 语言版本。</translation>
    </message>
    <message>
        <source>/{code} ({lang}): {exc}</source>
        <translation>/{code}（{lang}）：{exc}</translation>
    </message>
</context>
<context>
    <name>damage</name>
    <message>
        <source>{path} is damaged ({detail}), so nothing more is written to it; what is undamaged can still be read and exported. Restore the newest automatic backup (modconsole restore --newest, or Settings → Backups), or salvage what is readable into a new file (modconsole salvage NEW.db).</source>
        <translation>{path} 已损坏（{detail}），不会再写入；未损坏的部分仍可读取和导出。请恢复最新的自动备份（modconsole restore --newest，或 设置 → 备份），或把可读的数据抢救到新文件（modconsole salvage NEW.db）。</translation>
    </message>
</context>
<context>
    <name>database</name>
    <message>
        <source>modconsole needs SQLite {need} or newer (for full-text member search); this Python has SQLite {have}. Install a newer Python, or one built with a newer SQLite.</source>
        <translation>modconsole 需要 SQLite {need} 或更新版本（用于成员全文搜索）；当前 Python 自带 SQLite {have}。请安装更新的 Python，或使用较新 SQLite 构建的 Python。</translation>
    </message>
    <message>
        <source>{path} cannot be read as an SQLite database ({exc}). If it is a modconsole database, it is damaged: restore a backup (modconsole backups list) or choose another file.</source>
        <translation>{path} 无法作为 SQLite 数据库读取（{exc}）。如果它是 modconsole 数据库，说明已损坏：请恢复备份（modconsole backups list）或选择其他文件。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a modconsole one (it has tables and no schema version). Choose another file.</source>
        <translation>{path} 是 SQLite 数据库，但不是 modconsole 数据库（有数据表却没有结构版本）。请选择其他文件。</translation>
    </message>
    <message>
        <source>{path} is read-only and was written by an older modconsole (schema {current}); it must be upgraded before this version can open it. Copy it to a folder you can write to and open the copy.</source>
        <translation>{path} 是只读的，且由旧版 modconsole 写入（结构版本 {current}）；需要先升级才能用本版本打开。请把它复制到可写的文件夹，再打开副本。</translation>
    </message>
    <message>
        <source>{path} is read-only and SQLite cannot read it in place; copy it to a folder you can write to and open the copy.</source>
        <translation>{path} 是只读的，SQLite 无法原地读取；请把它复制到可写的文件夹，再打开副本。</translation>
    </message>
    <message>
        <source>Cannot create the folder {parent} for the database: {strerror}. Choose another place with --db.</source>
        <translation>无法为数据库创建文件夹 {parent}：{strerror}。请用 --db 选择其他位置。</translation>
    </message>
    <message>
        <source>{path} was written by a newer modconsole (schema {current}); this version knows schemas up to {head}. Install the newer modconsole to open it. The file was not changed.</source>
        <translation>{path} 由更新版本的 modconsole 写入（结构版本 {current}）；本版本只认识到 {head}。请安装新版 modconsole 再打开。文件未作改动。</translation>
    </message>
</context>
<context>
    <name>decisions</name>
    <message>
        <source>{who} already decided this case ({decision}, {when}); nothing was applied again.</source>
        <translation>{who} 已处理此案件（{decision}，{when}）；未重复执行。</translation>
    </message>
    <message>
        <source>Only leads and admins assign cases.</source>
        <translation>只有负责人和管理员可以分派案件。</translation>
    </message>
    <message>
        <source>Cases go to moderators, leads and admins.</source>
        <translation>案件只能分派给版主、负责人和管理员。</translation>
    </message>
    <message>
        <source>This is an appeal; answer it with upheld, reduced or overturned (--outcome on the command line).</source>
        <translation>这是申诉；请以维持、减轻或撤销作答（命令行用 --outcome）。</translation>
    </message>
    <message>
        <source>This case changed while you were looking at it; it has been reloaded. Check it and decide again.</source>
        <translation>你查看期间该案件有变动，已重新载入。请核对后再处理。</translation>
    </message>
    <message>
        <source>A decision needs a reason; it is shown in the member&apos;s case file.</source>
        <translation>处理决定需要理由；理由会显示在成员的案件档案中。</translation>
    </message>
    <message>
        <source>The ladder suggests {code}; say why you chose {code2}.</source>
        <translation>处罚阶梯建议 {code}；请说明你选择 {code2} 的原因。</translation>
    </message>
    <message>
        <source>Choose the rule that was broken before sanctioning; a case without a rule can only be dismissed.</source>
        <translation>处罚前请选择违反的规则；没有规则的案件只能驳回。</translation>
    </message>
    <message>
        <source>Only your own decision on a case not appealed since can be undone.</source>
        <translation>只能撤销你自己做出、且之后未被申诉的决定。</translation>
    </message>
    <message>
        <source>Decisions can be undone for {minutes} minutes; this one is older. Ask the member to appeal, or lift the sanction with a reason.</source>
        <translation>决定只能在 {minutes} 分钟内撤销；这个已超时。请让成员申诉，或说明理由后解除处罚。</translation>
    </message>
</context>
<context>
    <name>defaults</name>
    <message>
        <source>{where}: &apos;{key}&apos; must be an object with {value}</source>
        <translation>{where}：“{key}”必须是包含 {value} 的对象</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; has no text for {value}</source>
        <translation>{where}：“{key}”缺少 {value} 的文本</translation>
    </message>
    <message>
        <source>{where}: severity {value!r} is not one of {allowed}</source>
        <translation>{where}：严重程度 {value!r} 不在 {allowed} 之中</translation>
    </message>
    <message>
        <source>rulebook: &apos;categories&apos; must be a non-empty list</source>
        <translation>规则手册：“categories”必须是非空列表</translation>
    </message>
    <message>
        <source>{where}: missing or repeated code</source>
        <translation>{where}：代码缺失或重复</translation>
    </message>
    <message>
        <source>{iwhere}: missing or repeated code</source>
        <translation>{iwhere}：代码缺失或重复</translation>
    </message>
    <message>
        <source>{where}: detectors: {exc}</source>
        <translation>{where}：检测器：{exc}</translation>
    </message>
    <message>
        <source>phrase book: &apos;templates&apos; must be a non-empty list</source>
        <translation>话术库：“templates”必须是非空列表</translation>
    </message>
    <message>
        <source>{where}: &apos;code&apos; and &apos;category&apos; are required</source>
        <translation>{where}：“code”和“category”为必填项</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>The demo community takes between 1 and 200000 members.</source>
        <translation>演示社群的成员数须在 1 到 200000 之间。</translation>
    </message>
    <message>
        <source>This database already has {existing} members; demo data only goes into an empty database. To try the demo, open a new database file (Settings → Database, or --db NEW_FILE).</source>
        <translation>该数据库已有 {existing} 名成员；演示数据只能写入空数据库。要体验演示，请打开一个新的数据库文件（设置 → 数据库，或 --db 新文件）。</translation>
    </message>
</context>
<context>
    <name>detectors</name>
    <message>
        <source>{kind} must be a list of texts</source>
        <translation>{kind}必须是文本列表</translation>
    </message>
    <message>
        <source>{kind} holds {n} entries; at most {most}</source>
        <translation>{kind}有 {n} 项；最多 {most} 项</translation>
    </message>
    <message>
        <source>{kind}: &apos;{word}…&apos; is longer than {n} characters</source>
        <translation>{kind}：“{word}…”超过 {n} 个字符</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>patterns</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>promotion</source>
        <translation>推广</translation>
    </message>
    <message>
        <source>flooding</source>
        <translation>刷屏</translation>
    </message>
    <message>
        <source>repeating</source>
        <translation>重复发送</translation>
    </message>
    <message>
        <source>mentions</source>
        <translation>@提及</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is not a regular expression: {exc}</source>
        <translation>“{word}”不是有效的正则表达式：{exc}</translation>
    </message>
    <message>
        <source>{kind} must give {count} and seconds</source>
        <translation>{kind}必须给出 {count} 和 seconds</translation>
    </message>
    <message>
        <source>{kind}: {count} must be 2 to 1000 and seconds 1 to 86400</source>
        <translation>{kind}：{count} 须为 2 到 1000，seconds 须为 1 到 86400</translation>
    </message>
    <message>
        <source>the detectors are not readable JSON: {exc}</source>
        <translation>检测器设置不是可读取的 JSON：{exc}</translation>
    </message>
    <message>
        <source>the detectors must be a JSON object</source>
        <translation>检测器设置必须是 JSON 对象</translation>
    </message>
    <message>
        <source>unknown detector {kinds}; use {known}</source>
        <translation>未知的检测器 {kinds}；可用的有 {known}</translation>
    </message>
    <message>
        <source>promotion must list some of {signals}</source>
        <translation>推广检测须从 {signals} 中选择</translation>
    </message>
    <message>
        <source>mentions must be a number of mentions from 2 to 500</source>
        <translation>@提及次数须为 2 到 500</translation>
    </message>
</context>
<context>
    <name>draw</name>
    <message>
        <source>draw at least one winner</source>
        <translation>至少抽取一名中奖者</translation>
    </message>
    <message>
        <source>only {n_ordered} eligible members; cannot draw {count}</source>
        <translation>只有 {n_ordered} 名符合条件的成员，无法抽取 {count} 名</translation>
    </message>
</context>
<context>
    <name>groups</name>
    <message>
        <source>Give the group a name.</source>
        <translation>请给群起个名字。</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a group kind; use one of {value}.</source>
        <translation>“{kind}”不是群类型；请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>There is already a group &apos;{name}&apos;.</source>
        <translation>已有名为“{name}”的群。</translation>
    </message>
    <message>
        <source>A group&apos;s cap must be at least 1.</source>
        <translation>群人数上限至少为 1。</translation>
    </message>
    <message>
        <source>There is no group &apos;{name_or_id}&apos;.</source>
        <translation>没有群“{name_or_id}”。</translation>
    </message>
    <message>
        <source>That group no longer exists; refresh the list.</source>
        <translation>该群已不存在；请刷新列表。</translation>
    </message>
    <message>
        <source>A group name must be 1–100 characters.</source>
        <translation>群名须为 1–100 个字符。</translation>
    </message>
    <message>
        <source>That group no longer exists.</source>
        <translation>该群已不存在。</translation>
    </message>
    <message>
        <source>Choose a different group to move them to.</source>
        <translation>请选择另一个群作为移入目标。</translation>
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <source>Give the name your team and members know you by.</source>
        <translation>请填写团队和成员认识你的名字。</translation>
    </message>
    <message>
        <source>A display name is at most {MAX_NAME} characters.</source>
        <translation>显示名称最多 {MAX_NAME} 个字符。</translation>
    </message>
    <message>
        <source>The name {problem}.</source>
        <translation>名称{problem}。</translation>
    </message>
    <message>
        <source>No staff member is called &apos;{who}&apos;.</source>
        <translation>没有名为“{who}”的团队成员。</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;; use one of {value}.</source>
        <translation>未知角色“{role}”；请使用以下之一：{value}。</translation>
    </message>
</context>
<context>
    <name>ids</name>
    <message>
        <source>uuid7 needs exactly 10 random bytes</source>
        <translation>uuid7 需要正好 10 个随机字节</translation>
    </message>
</context>
<context>
    <name>ladder</name>
    <message>
        <source>&apos;{code}&apos; is not a step; use one of {value}</source>
        <translation>“{code}”不是处罚步骤；请使用以下之一：{value}</translation>
    </message>
    <message>
        <source>&apos;{code}&apos;: only a mute takes days, from 1 to 3650</source>
        <translation>“{code}”：只有禁言可以设置天数（1 到 3650）</translation>
    </message>
    <message>
        <source>the ladder is not valid JSON: {exc}</source>
        <translation>处罚阶梯不是有效的 JSON：{exc}</translation>
    </message>
    <message>
        <source>the ladder must be an object with steps and windows</source>
        <translation>处罚阶梯必须是包含 steps 和 windows 的对象</translation>
    </message>
    <message>
        <source>the ladder needs at least one step</source>
        <translation>处罚阶梯至少需要一个步骤</translation>
    </message>
    <message>
        <source>{key} must be a whole number from {low} to 3650</source>
        <translation>{key} 必须是 {low} 到 3650 之间的整数</translation>
    </message>
    <message>
        <source>dismiss applies nothing, so it cannot be a step</source>
        <translation>驳回不施加任何处罚，不能作为步骤</translation>
    </message>
</context>
<context>
    <name>member_detail</name>
    <message>
        <source>That member no longer exists; refresh the list.</source>
        <translation>该成员已不存在；请刷新列表。</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; cannot be edited here.</source>
        <translation>“{field}”不能在这里编辑。</translation>
    </message>
    <message>
        <source>{field} cannot be empty.</source>
        <translation>{field}不能为空。</translation>
    </message>
    <message>
        <source>{field}: {reason}.</source>
        <translation>{field}：{reason}。</translation>
    </message>
    <message>
        <source>Mute or ban through the queue, so the case says why.</source>
        <translation>请通过违规队列禁言或封禁，这样案件里会记录原因。</translation>
    </message>
    <message>
        <source>No member has the platform ID &apos;{value}&apos;.</source>
        <translation>没有平台 ID 为“{value}”的成员。</translation>
    </message>
    <message>
        <source>A member cannot invite themselves.</source>
        <translation>成员不能邀请自己。</translation>
    </message>
    <message>
        <source>That note no longer exists.</source>
        <translation>该备注已不存在。</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <source>A note can be at most {MAX_NOTE_CHARS:,} characters.</source>
        <translation>备注最多 {MAX_NOTE_CHARS:,} 个字符。</translation>
    </message>
</context>
<context>
    <name>member_export</name>
    <message>
        <source>Unknown column {value}; choose from {value2}.</source>
        <translation>未知列 {value}；请从以下选择：{value2}。</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>请至少选择一列导出。</translation>
    </message>
</context>
<context>
    <name>member_fields</name>
    <message>
        <source>Platform ID</source>
        <translation>平台ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Group nickname</source>
        <translation>群昵称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群时间</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>所在群</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>分层</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>成长阶段</translation>
    </message>
    <message>
        <source>Churn warning level</source>
        <translation>流失预警等级</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>最近活跃</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>发言数</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论数</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <source>Quality posts</source>
        <translation>优质内容数</translation>
    </message>
    <message>
        <source>Paid total</source>
        <translation>付费金额</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Join channel</source>
        <translation>入群渠道</translation>
    </message>
    <message>
        <source>Inviter (platform ID)</source>
        <translation>邀请人（平台ID）</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退群时间</translation>
    </message>
    <message>
        <source>Phone verified</source>
        <translation>手机已验证</translation>
    </message>
    <message>
        <source>E-mail verified</source>
        <translation>邮箱已验证</translation>
    </message>
    <message>
        <source>Days active in a row</source>
        <translation>连续活跃天数</translation>
    </message>
    <message>
        <source>Chat messages</source>
        <translation>聊天消息数</translation>
    </message>
    <message>
        <source>Days with messages</source>
        <translation>发言天数</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>首次发言</translation>
    </message>
    <message>
        <source>core</source>
        <translation>核心层</translation>
    </message>
    <message>
        <source>potential</source>
        <translation>潜力层</translation>
    </message>
    <message>
        <source>base</source>
        <translation>基础层</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>沉默</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>贡献</translation>
    </message>
    <message>
        <source>paying</source>
        <translation>付费</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>explorer</source>
        <translation>探索期</translation>
    </message>
    <message>
        <source>active stage</source>
        <translation>活跃期</translation>
    </message>
    <message>
        <source>contributor stage</source>
        <translation>贡献期</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>领袖期</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>禁言中</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>已封禁</translation>
    </message>
    <message>
        <source>left</source>
        <translation>已退群</translation>
    </message>
</context>
<context>
    <name>member_filter</name>
    <message>
        <source>the saved filter is not valid JSON: {exc}</source>
        <translation>保存的筛选条件不是有效的 JSON：{exc}</translation>
    </message>
    <message>
        <source>the saved filter must be a JSON object</source>
        <translation>保存的筛选条件必须是 JSON 对象</translation>
    </message>
    <message>
        <source>the saved filter has an unknown condition &apos;{key}&apos;</source>
        <translation>保存的筛选条件含有未知条件“{key}”</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a list of strings</source>
        <translation>“{key}”必须是字符串列表</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be an ISO date-time, not {value!r}</source>
        <translation>“{key}”必须是 ISO 日期时间，而不是 {value!r}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a whole number, not {value!r}</source>
        <translation>“{key}”必须是整数，而不是 {value!r}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text, not {value!r}</source>
        <translation>“{key}”必须是文本，而不是 {value!r}</translation>
    </message>
</context>
<context>
    <name>member_import</name>
    <message>
        <source>--map &apos;{item}&apos; must look like COLUMN=field.</source>
        <translation>--map “{item}”的格式应为 列名=字段。</translation>
    </message>
    <message>
        <source>--map: the file has no column &apos;{column}&apos;; its columns are {columns}.</source>
        <translation>--map：文件中没有“{column}”列；现有列为 {columns}。</translation>
    </message>
    <message>
        <source>--map: &apos;{target}&apos; is not a field of this import; use one of {value}.</source>
        <translation>--map：“{target}”不是本次导入的字段；请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>No column is mapped to {fields}; the file&apos;s columns are {columns}. Rename a column or map it with --map COLUMN={first}.</source>
        <translation>没有列对应到 {fields}；文件中的列为 {columns}。请重命名某列，或用 --map 列名={first} 指定。</translation>
    </message>
    <message>
        <source>row {row}, {column}: {reason}</source>
        <translation>第 {row} 行，{column}：{reason}</translation>
    </message>
    <message>
        <source>… and {more} more</source>
        <translation>……另有 {more} 条</translation>
    </message>
    <message>
        <source>tag &apos;{name}&apos; is in several groups; write {choices}</source>
        <translation>标签“{name}”在多个标签组中；请写成 {choices}</translation>
    </message>
    <message>
        <source>there is no tag group &apos;{group}&apos;</source>
        <translation>没有标签组“{group}”</translation>
    </message>
    <message>
        <source>a tag name can be at most 100 characters</source>
        <translation>标签名最多 100 个字符</translation>
    </message>
    <message>
        <source>there is no group &apos;{name}&apos;; create it on the Groups page first, or allow the import to create groups</source>
        <translation>没有群“{name}”；请先在群页面创建，或允许导入时新建群</translation>
    </message>
    <message>
        <source>a group name can be at most 100 characters</source>
        <translation>群名最多 100 个字符</translation>
    </message>
    <message>
        <source>is longer than {value} characters</source>
        <translation>超过 {value} 个字符</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address</source>
        <translation>“{value}”不是电子邮箱地址</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number</source>
        <translation>“{value}”不是电话号码</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not 男/女 or male/female</source>
        <translation>“{value}”不是 男/女 或 male/female</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date like 2026-03-01</source>
        <translation>“{value}”不是 2026-03-01 这样的日期</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount like 299 or ¥1,299.50</source>
        <translation>“{value}”不是 299 或 ¥1,299.50 这样的金额</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is too large</source>
        <translation>“{value}”太大</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a status: use active, muted, banned or left (正常/禁言/封禁/已退群)</source>
        <translation>“{value}”不是状态：请用 正常、禁言、封禁 或 已退群（active/muted/banned/left）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no (是/否, 1/0)</source>
        <translation>“{value}”不是 是/否（或 1/0）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>{value} is out of range (from {lowest})</source>
        <translation>{value} 超出范围（最小为 {lowest}）</translation>
    </message>
    <message>
        <source>is empty; it is required</source>
        <translation>为空；该项必填</translation>
    </message>
    <message>
        <source>a member with a date left has the status left, not {status}</source>
        <translation>有退群时间的成员状态应为已退群，而不是 {status}</translation>
    </message>
    <message>
        <source>a member cannot invite themselves</source>
        <translation>成员不能邀请自己</translation>
    </message>
    <message>
        <source>&apos;{tag}&apos; is a second tag of an exclusive group</source>
        <translation>“{tag}”是互斥标签组中的第二个标签</translation>
    </message>
    <message>
        <source>Row {number} no longer fits the database ({exc}): it changed while the file was being checked. Nothing was imported; run the import again.</source>
        <translation>第 {number} 行已与数据库不符（{exc}）：检查文件期间数据库有变动。未导入任何内容；请重新导入。</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Skipping bad rows needs an error file (--errors OUT.csv) to put them in.</source>
        <translation>跳过错误行需要一个错误文件（--errors OUT.csv）来存放它们。</translation>
    </message>
    <message>
        <source>&apos;{platform_id}&apos; is already on an earlier row</source>
        <translation>“{platform_id}”已在前面的行中出现</translation>
    </message>
    <message>
        <source>no member has the platform id &apos;{platform_id}&apos;, in the database or in this file</source>
        <translation>数据库和本文件中都没有平台ID为“{platform_id}”的成员</translation>
    </message>
    <message>
        <source>{column}: {reason}</source>
        <translation>{column}：{reason}</translation>
    </message>
    <message>
        <source>{name} has no data rows under its header; nothing to import.</source>
        <translation>{name} 表头下没有数据行；没有可导入的内容。</translation>
    </message>
    <message>
        <source>{name}: {reason}.</source>
        <translation>{name}：{reason}。</translation>
    </message>
    <message>
        <source>There is already a member &apos;{platform_id}&apos;; edit them instead.</source>
        <translation>已有成员“{platform_id}”；请改为编辑该成员。</translation>
    </message>
</context>
<context>
    <name>member_targets</name>
    <message>
        <source>Some of the chosen members no longer exist; refresh the list.</source>
        <translation>部分选中的成员已不存在；请刷新列表。</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>en</source>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>money</name>
    <message>
        <source>&apos;{text}&apos; is not an amount; type it like 1200 or 1,200.50</source>
        <translation>“{text}”不是金额；请输入 1200 或 1,200.50 这样的数字</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount of zero or more</source>
        <translation>“{text}”不是零或正数金额</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has more than two decimal places</source>
        <translation>“{text}”超过两位小数</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is too large</source>
        <translation>“{text}”太大</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>The database is not open.</source>
        <translation>数据库尚未打开。</translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>cannot put {__name__} into an outbox payload</source>
        <translation>无法把 {__name__} 放入同步队列</translation>
    </message>
    <message>
        <source>{kind} rows are never deleted outright; set deleted_at instead</source>
        <translation>{kind} 记录不会被直接删除；请改为设置 deleted_at</translation>
    </message>
</context>
<context>
    <name>output_files</name>
    <message>
        <source>The disk holding {folder} is full, so {name} was not written. Free some space (or choose another disk) and try again.</source>
        <translation>{folder} 所在磁盘已满，{name} 未写入。请腾出空间（或换一个磁盘）后重试。</translation>
    </message>
    <message>
        <source>Your disk quota on {folder} is used up, so {name} was not written. Free some space and try again.</source>
        <translation>你在 {folder} 上的磁盘配额已用完，{name} 未写入。请腾出空间后重试。</translation>
    </message>
    <message>
        <source>{folder} is on a read-only disk, so {name} was not written. Choose a folder on another disk.</source>
        <translation>{folder} 位于只读磁盘上，{name} 未写入。请选择其他磁盘上的文件夹。</translation>
    </message>
    <message>
        <source>{path} cannot be written (permission denied: the folder or file is read-only, locked or immutable). Choose another folder, or change its permissions.</source>
        <translation>{path} 无法写入（权限被拒绝：文件夹或文件为只读、被锁定或不可修改）。请选择其他文件夹，或修改其权限。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; create it or choose another.</source>
        <translation>文件夹 {folder} 不存在；请创建它或选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}.</source>
        <translation>无法写入 {path}：{detail}。</translation>
    </message>
</context>
<context>
    <name>phrasebook_files</name>
    <message>
        <source>Cannot export to &apos;{name}&apos;: use a .json or .csv file name.</source>
        <translation>无法导出到“{name}”：请使用 .json 或 .csv 文件名。</translation>
    </message>
    <message>
        <source>{name} is {size:.0f} MB; a phrase book file is at most {limit} MB.</source>
        <translation>{name} 有 {size:.0f} MB；话术库文件最大 {limit} MB。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>没有文件 {path}。</translation>
    </message>
    <message>
        <source>Cannot read {name}: {exc}. Export it again as UTF-8.</source>
        <translation>无法读取 {name}：{exc}。请重新以 UTF-8 导出。</translation>
    </message>
    <message>
        <source>{name} is not valid JSON: {msg} at line {lineno}, column {colno}.</source>
        <translation>{name} 不是有效的 JSON：第 {lineno} 行第 {colno} 列，{msg}。</translation>
    </message>
    <message>
        <source>{name} nests its JSON too deeply to be a phrase book export.</source>
        <translation>{name} 的 JSON 嵌套过深，不是话术库导出文件。</translation>
    </message>
    <message>
        <source>{name} is not a phrase book export (expected an object with &quot;format&quot;: &quot;{FORMAT}&quot; and a &quot;templates&quot; list).</source>
        <translation>{name} 不是话术库导出文件（应为带有 &quot;format&quot;: &quot;{FORMAT}&quot; 和 &quot;templates&quot; 列表的对象）。</translation>
    </message>
    <message>
        <source>{name} has no column {value!r}; the columns are {value2}.</source>
        <translation>{name} 没有 {value!r} 列；现有列为 {value2}。</translation>
    </message>
    <message>
        <source>{name}, line {line_num}: not readable as CSV ({exc}).</source>
        <translation>{name} 第 {line_num} 行：无法按 CSV 读取（{exc}）。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be a list of at most {MAX_LIST} texts.</source>
        <translation>{where}：“{key}”必须是最多 {MAX_LIST} 项的文本列表。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; holds an item that is not a version fingerprint.</source>
        <translation>{where}：“{key}”中有一项不是版本指纹。</translation>
    </message>
    <message>
        <source>{where} is not an object.</source>
        <translation>{where} 不是对象。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; is required and must be text.</source>
        <translation>{where}：“{key}”为必填项，且必须是文本。</translation>
    </message>
    <message>
        <source>{where}: &apos;{key}&apos; must be a template id like 0190a5c2-…-… (36 characters).</source>
        <translation>{where}：“{key}”必须是 0190a5c2-…-… 这样的模板编号（36 个字符）。</translation>
    </message>
    <message>
        <source>{where}: &apos;scope&apos; must be text.</source>
        <translation>{where}：“scope”必须是文本。</translation>
    </message>
    <message>
        <source>{where}: {exc}</source>
        <translation>{where}：{exc}</translation>
    </message>
    <message>
        <source>{name} lists a template id twice.</source>
        <translation>{name} 中有重复的模板编号。</translation>
    </message>
    <message>
        <source>The file&apos;s template {value} uses the code /{code}, which here belongs to &apos;{title}&apos;. Rename one of them first.</source>
        <translation>文件中的模板 {value} 使用代码 /{code}，而它在本地属于“{title}”。请先给其中一个改名。</translation>
    </message>
</context>
<context>
    <name>placeholders</name>
    <message>
        <source>unknown placeholder {text} at character {at} (did you mean {{{suggestion}}}?)</source>
        <translation>第 {at} 个字符处有未知占位符 {text}（是否想写 {{{suggestion}}}？）</translation>
    </message>
    <message>
        <source>unknown placeholder {text} at character {at}</source>
        <translation>第 {at} 个字符处有未知占位符 {text}</translation>
    </message>
    <message>
        <source>{text} at character {at} is not a placeholder and is kept as written (placeholders are plain names like {{nickname}})</source>
        <translation>第 {at} 个字符处的 {text} 不是占位符，将原样保留（占位符是 {{nickname}} 这样的简单名称）</translation>
    </message>
    <message>
        <source>lone &apos;{text}&apos; at character {at} is kept as written (write {{{{ or }}}} for a literal brace)</source>
        <translation>第 {at} 个字符处单独的“{text}”将原样保留（要写花括号本身请用 {{{{ 或 }}}}）</translation>
    </message>
    <message>
        <source>The body is {n_body:,} characters; the limit is {MAX_BODY_CHARS:,}. Shorten it or split it into two templates.</source>
        <translation>正文有 {n_body:,} 个字符，上限为 {MAX_BODY_CHARS:,}。请缩短，或拆成两个模板。</translation>
    </message>
    <message>
        <source>The filled-in reply would be over {MAX_RENDERED_CHARS:,} characters; shorten the template or the values put in it.</source>
        <translation>填好后的回复将超过 {MAX_RENDERED_CHARS:,} 个字符；请缩短模板或填入的内容。</translation>
    </message>
    <message>
        <source>The template has {problems}.</source>
        <translation>模板中有：{problems}。</translation>
    </message>
    <message>
        <source>No value for {names}. Give one (for example --var {value}=…) or add a fallback like {{{value}|…}} to the template.</source>
        <translation>{names} 没有值。请提供一个（例如 --var {value}=…），或在模板中加上默认值，如 {{{value}|…}}。</translation>
    </message>
</context>
<context>
    <name>recurrence</name>
    <message>
        <source>&apos;{name}&apos; is not a time zone; use a name such as Asia/Shanghai or Europe/Berlin</source>
        <translation>“{name}”不是时区；请使用 Asia/Shanghai 或 Europe/Berlin 这样的名称</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an RFC 5545 rule: &apos;{item}&apos; is not NAME=VALUE</source>
        <translation>“{text}”不是 RFC 5545 规则：“{item}”不是 名称=值 格式</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; gives {key} twice</source>
        <translation>“{text}”重复给出了 {key}</translation>
    </message>
    <message>
        <source>{key} must be a whole number from {low} to {high:,} ({hint}); the rule says {key}={value}</source>
        <translation>{key} 必须是 {low} 到 {high:,} 之间的整数（{hint}）；规则中为 {key}={value}</translation>
    </message>
    <message>
        <source>{what} is in the year {year}; the planner takes years {MIN_YEAR} to {MAX_YEAR}</source>
        <translation>{what}在 {year} 年；活动计划支持 {MIN_YEAR} 到 {MAX_YEAR} 年</translation>
    </message>
    <message>
        <source>the rule is {n_text:,} characters; a rule is at most {MAX_RULE_CHARS}</source>
        <translation>规则有 {n_text:,} 个字符；规则最多 {MAX_RULE_CHARS} 个字符</translation>
    </message>
    <message>
        <source>give the rule without DTSTART; the activity&apos;s start is used</source>
        <translation>规则中不要写 DTSTART；会使用活动的开始时间</translation>
    </message>
    <message>
        <source>a slot repeats daily, weekly, monthly or yearly (FREQ=…)</source>
        <translation>时段按天、周、月或年重复（FREQ=…）</translation>
    </message>
    <message>
        <source>1 is every time, 2 every other time</source>
        <translation>1 表示每次，2 表示隔一次</translation>
    </message>
    <message>
        <source>how many times it happens</source>
        <translation>共发生几次</translation>
    </message>
    <message>
        <source>give COUNT or UNTIL, not both</source>
        <translation>COUNT 和 UNTIL 只能给一个</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>UNTIL={until} is not a date in the years {MIN_YEAR} to {MAX_YEAR}</source>
        <translation>UNTIL={until} 不是 {MIN_YEAR} 到 {MAX_YEAR} 年之间的日期</translation>
    </message>
    <message>
        <source>&apos;{rule}&apos; is not an RFC 5545 rule: {exc}</source>
        <translation>“{rule}”不是 RFC 5545 规则：{exc}</translation>
    </message>
    <message>
        <source>&apos;{rule}&apos; never falls on a date (for example 30 February, or a weekday the interval never reaches)</source>
        <translation>“{rule}”不会落在任何日期上（例如 2 月 30 日，或间隔永远到不了的星期几）</translation>
    </message>
</context>
<context>
    <name>replies</name>
    <message>
        <source>That template no longer exists; it may have been deleted.</source>
        <translation>该模板已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>No template has the id or code &apos;{code_or_id}&apos;. &apos;modconsole templates list&apos; shows them.</source>
        <translation>没有编号或代码为“{code_or_id}”的模板。“modconsole templates list”可列出全部模板。</translation>
    </message>
    <message>
        <source>The code must be 1–40 lower-case letters, digits, &apos;-&apos; or &apos;_&apos; (it is what you type after &apos;/&apos; to find the template).</source>
        <translation>代码须为 1–40 个小写字母、数字、“-”或“_”（即在“/”后输入以查找模板的内容）。</translation>
    </message>
    <message>
        <source>The title must be 1–200 characters.</source>
        <translation>标题须为 1–200 个字符。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The {name} {problem}.</source>
        <translation>{name}{problem}。</translation>
    </message>
    <message>
        <source>Unknown category &apos;{category}&apos;; use one of {value}.</source>
        <translation>未知类别“{category}”；请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>Unknown language &apos;{lang}&apos;; use one of {value}.</source>
        <translation>未知语言“{lang}”；请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>The scope must be &apos;personal&apos; or &apos;team&apos;.</source>
        <translation>范围必须是“personal”（个人）或“team”（团队）。</translation>
    </message>
    <message>
        <source>The body is empty.</source>
        <translation>正文是空的。</translation>
    </message>
    <message>
        <source>Use at most {MAX_TAGS} tags of up to 40 characters each.</source>
        <translation>最多使用 {MAX_TAGS} 个标签，每个不超过 40 个字符。</translation>
    </message>
    <message>
        <source>The code /{code} already belongs to &apos;{title}&apos;. Choose another code, or add a language variant of that one.</source>
        <translation>代码 /{code} 已属于“{title}”。请换一个代码，或为该模板添加语言版本。</translation>
    </message>
    <message>
        <source>&apos;{title}&apos; already has a {lang} variant.</source>
        <translation>“{title}”已有 {lang} 语言版本。</translation>
    </message>
    <message>
        <source>The template this was to be a variant of no longer exists.</source>
        <translation>要添加语言版本的原模板已不存在。</translation>
    </message>
    <message>
        <source>That version is not in this template&apos;s history.</source>
        <translation>该版本不在此模板的历史记录中。</translation>
    </message>
    <message>
        <source>Only a lead or an admin can approve templates. Ask one to approve it, or change your role in Settings → You if you are one.</source>
        <translation>只有负责人或管理员可以审批模板。请找他们审批；如果你就是，请在 设置 → 我 中修改角色。</translation>
    </message>
    <message>
        <source>&apos;{title}&apos; is a draft waiting for a lead&apos;s approval; it cannot be used yet.</source>
        <translation>“{title}”是等待负责人审批的草稿，暂时不能使用。</translation>
    </message>
    <message>
        <source>Unknown category &apos;{category}&apos;.</source>
        <translation>未知类别“{category}”。</translation>
    </message>
    <message>
        <source>A limit must be between 1 and 100,000.</source>
        <translation>限额须在 1 到 100,000 之间。</translation>
    </message>
</context>
<context>
    <name>reply_context</name>
    <message>
        <source>No member has the id {member_id}.</source>
        <translation>没有编号为 {member_id} 的成员。</translation>
    </message>
    <message>
        <source>No case has the id {case_id}.</source>
        <translation>没有编号为 {case_id} 的案件。</translation>
    </message>
    <message>
        <source>No activity has the id {activity_id}.</source>
        <translation>没有编号为 {activity_id} 的活动。</translation>
    </message>
    <message>
        <source>Unknown placeholder {value!r} in --var; the known ones are {value2}.</source>
        <translation>--var 中有未知占位符 {value!r}；可用的有 {value2}。</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退群</translation>
    </message>
    <message>
        <source>Reports in</source>
        <translation>收到举报</translation>
    </message>
    <message>
        <source>Cases decided</source>
        <translation>已处理案件</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Points paid</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <source>Active that day</source>
        <translation>当日活跃</translation>
    </message>
    <message>
        <source>Active within 7 days</source>
        <translation>7 天内活跃</translation>
    </message>
    <message>
        <source>Active within 30 days</source>
        <translation>30 天内活跃</translation>
    </message>
    <message>
        <source>Decided within the SLA</source>
        <translation>时限内处理</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>超时案件</translation>
    </message>
    <message>
        <source>Detector reports</source>
        <translation>检测器举报</translation>
    </message>
    <message>
        <source>Detector cases decided</source>
        <translation>检测器案件已处理</translation>
    </message>
    <message>
        <source>Detector cases dismissed</source>
        <translation>检测器案件被驳回</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>处罚</translation>
    </message>
    <message>
        <source>Appeals filed</source>
        <translation>提交的申诉</translation>
    </message>
    <message>
        <source>Appeals upheld</source>
        <translation>申诉维持原判</translation>
    </message>
    <message>
        <source>Appeals reduced</source>
        <translation>申诉减轻处罚</translation>
    </message>
    <message>
        <source>Appeals overturned</source>
        <translation>申诉撤销处罚</translation>
    </message>
    <message>
        <source>Activity sessions</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>Care messages sent</source>
        <translation>发出的关怀消息</translation>
    </message>
    <message>
        <source>Care messages followed by a return within 14 days</source>
        <translation>14 天内成员回归的关怀消息</translation>
    </message>
    <message>
        <source>Budget planned (fen)</source>
        <translation>计划预算（分）</translation>
    </message>
    <message>
        <source>Budget spent (fen)</source>
        <translation>实际花费（分）</translation>
    </message>
    <message>
        <source>Churn warning level 1</source>
        <translation>流失预警 1 级</translation>
    </message>
    <message>
        <source>Churn warning level 2</source>
        <translation>流失预警 2 级</translation>
    </message>
    <message>
        <source>Churn warning level 3</source>
        <translation>流失预警 3 级</translation>
    </message>
    <message>
        <source>Churn warning level 4</source>
        <translation>流失预警 4 级</translation>
    </message>
    <message>
        <source>Minutes to decision (median)</source>
        <translation>处理用时中位数（分钟）</translation>
    </message>
    <message>
        <source>Minutes to decision (90th percentile)</source>
        <translation>处理用时第 90 百分位（分钟）</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a period: use 2026-11 (a month), 2026-W48 (a week), 2026-Q4 (a quarter) or 2026-11-01..2026-11-15.</source>
        <translation>“{text}”不是有效的时段：请用 2026-11（月）、2026-W48（周）、2026-Q4（季度）或 2026-11-01..2026-11-15。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>report_file</name>
    <message>
        <source>Cannot write {path}: check that its folder exists and that you may write there.</source>
        <translation>无法写入 {path}：请确认其所在文件夹存在，且你有写入权限。</translation>
    </message>
</context>
<context>
    <name>report_import</name>
    <message>
        <source>{name} {problem}</source>
        <translation>{name}{problem}</translation>
    </message>
    <message>
        <source>&apos;{at}&apos; is not a time like 2026-03-01 14:30</source>
        <translation>“{at}”不是 2026-03-01 14:30 这样的时间</translation>
    </message>
    <message>
        <source>Skipping bad rows needs an error file (--errors OUT.csv) to put them in.</source>
        <translation>跳过错误行需要一个错误文件（--errors OUT.csv）来存放它们。</translation>
    </message>
    <message>
        <source>{name} has no data rows under its header; nothing to import.</source>
        <translation>{name} 表头下没有数据行；没有可导入的内容。</translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>&apos;{category}&apos; is not a budget line; use one of {value}.</source>
        <translation>“{category}”不是预算项；请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>Budget amounts cannot be negative.</source>
        <translation>预算金额不能为负数。</translation>
    </message>
    <message>
        <source>Review numbers cannot be negative.</source>
        <translation>复盘数字不能为负数。</translation>
    </message>
</context>
<context>
    <name>roster</name>
    <message>
        <source>Cannot sort by &apos;{sort}&apos;; choose one of {value}.</source>
        <translation>无法按“{sort}”排序；请选择以下之一：{value}。</translation>
    </message>
    <message>
        <source>Type something to search for.</source>
        <translation>请输入要搜索的内容。</translation>
    </message>
    <message>
        <source>There is no tag &apos;{name}&apos;.</source>
        <translation>没有标签“{name}”。</translation>
    </message>
    <message>
        <source>The tag &apos;{name}&apos; is in several groups; write one of: {choices}.</source>
        <translation>标签“{name}”在多个标签组中；请写成以下之一：{choices}。</translation>
    </message>
    <message>
        <source>There is no member with id or platform id &apos;{key}&apos;.</source>
        <translation>没有编号或平台 ID 为“{key}”的成员。</translation>
    </message>
    <message>
        <source>There is no group &apos;{name}&apos;.</source>
        <translation>没有群“{name}”。</translation>
    </message>
</context>
<context>
    <name>row_writes</name>
    <message>
        <source>{name} {row_id} is no longer at version {base_version}</source>
        <translation>{name} {row_id} 已不是版本 {base_version}</translation>
    </message>
</context>
<context>
    <name>rulebook</name>
    <message>
        <source>No rule has the code &apos;{code}&apos;. `modconsole rules list` shows them.</source>
        <translation>没有代码为“{code}”的规则。`modconsole rules list` 可列出全部规则。</translation>
    </message>
    <message>
        <source>Only a lead or an admin can {what}; set your role in Settings → You.</source>
        <translation>只有负责人或管理员可以{what}；请在 设置 → 我 中设置你的角色。</translation>
    </message>
    <message>
        <source>change the penalty ladder</source>
        <translation>修改处罚阶梯</translation>
    </message>
    <message>
        <source>Default ladder: {exc}.</source>
        <translation>默认处罚阶梯：{exc}。</translation>
    </message>
    <message>
        <source>edit the rulebook</source>
        <translation>编辑规则手册</translation>
    </message>
    <message>
        <source>These rule fields cannot be edited: {value}.</source>
        <translation>这些规则字段不能编辑：{value}。</translation>
    </message>
    <message>
        <source>That rule no longer exists; reload the rulebook.</source>
        <translation>该规则已不存在；请重新载入规则手册。</translation>
    </message>
    <message>
        <source>Severity must be one of {value}.</source>
        <translation>严重程度必须是以下之一：{value}。</translation>
    </message>
    <message>
        <source>{code}: the title ({value}) cannot be empty.</source>
        <translation>{code}：标题（{value}）不能为空。</translation>
    </message>
    <message>
        <source>{code}: {exc}.</source>
        <translation>{code}：{exc}。</translation>
    </message>
</context>
<context>
    <name>sanctions</name>
    <message>
        <source>Say why the sanction is lifted early; the reason goes into the audit log.</source>
        <translation>请说明提前解除处罚的原因；原因会记入审计日志。</translation>
    </message>
    <message>
        <source>That sanction no longer exists.</source>
        <translation>该处罚已不存在。</translation>
    </message>
    <message>
        <source>That sanction is not in force any more; there is nothing to lift.</source>
        <translation>该处罚已不再生效，无需解除。</translation>
    </message>
</context>
<context>
    <name>segments</name>
    <message>
        <source>The segment &apos;{name}&apos; cannot be used: {exc}.</source>
        <translation>分群“{name}”无法使用：{exc}。</translation>
    </message>
    <message>
        <source>There is no segment &apos;{name}&apos; (saved segments: {names}).</source>
        <translation>没有分群“{name}”（已保存的分群：{names}）。</translation>
    </message>
    <message>
        <source>Give the segment a name.</source>
        <translation>请给分群起个名字。</translation>
    </message>
    <message>
        <source>A segment name can be at most 100 characters.</source>
        <translation>分群名最多 100 个字符。</translation>
    </message>
    <message>
        <source>This filter matches every member; set a condition before saving it.</source>
        <translation>该筛选会匹配所有成员；保存前请设置条件。</translation>
    </message>
    <message>
        <source>There is already a segment &apos;{name}&apos;; choose another name or replace it.</source>
        <translation>已有分群“{name}”；请换个名字或替换它。</translation>
    </message>
    <message>
        <source>That segment no longer exists.</source>
        <translation>该分群已不存在。</translation>
    </message>
    <message>
        <source>There is already a segment &apos;{name}&apos;.</source>
        <translation>已有分群“{name}”。</translation>
    </message>
</context>
<context>
    <name>table_files</name>
    <message>
        <source>it looks like {guess} text</source>
        <translation>它看起来是 {guess} 编码的文本</translation>
    </message>
    <message>
        <source>it is not text in any encoding it knows</source>
        <translation>它不是任何已知编码的文本</translation>
    </message>
    <message>
        <source>{name} is not UTF-8, GB18030 or Big5: {looks}. Save it as UTF-8 (Excel: Save As → CSV UTF-8), or name its encoding.</source>
        <translation>{name} 不是 UTF-8、GB18030 或 Big5 编码：{looks}。请另存为 UTF-8（Excel：另存为 → CSV UTF-8），或指定其编码。</translation>
    </message>
    <message>
        <source>in the file</source>
        <translation>在文件中</translation>
    </message>
    <message>
        <source>on line {number}, character {column} (byte 0x{byte:02X})</source>
        <translation>在第 {number} 行第 {column} 个字符（字节 0x{byte:02X}）</translation>
    </message>
    <message>
        <source>at the end of the file</source>
        <translation>在文件末尾</translation>
    </message>
    <message>
        <source>{name} is not valid {encoding} text {where}; save it as UTF-8 or choose its encoding.</source>
        <translation>{name} {where}不是有效的 {encoding} 文本；请另存为 UTF-8 或选择其编码。</translation>
    </message>
    <message>
        <source>{name}, line {line_num}: a cell is longer than {value:,} characters; no field of the console is that long. Check the file&apos;s quotes.</source>
        <translation>{name} 第 {line_num} 行：某个单元格超过 {value:,} 个字符，控制台没有这么长的字段。请检查文件中的引号。</translation>
    </message>
    <message>
        <source>{name}, line {line_num}: not readable as CSV ({exc}).</source>
        <translation>{name} 第 {line_num} 行：无法按 CSV 读取（{exc}）。</translation>
    </message>
    <message>
        <source>{name} is not a readable Excel file ({__name__}: {exc}). Open it in Excel and save it again, or save it as CSV.</source>
        <translation>{name} 不是可读取的 Excel 文件（{__name__}：{exc}）。请在 Excel 中打开并重新保存，或另存为 CSV。</translation>
    </message>
    <message>
        <source>{name}: its sheet unpacks to {size:.1f} GB; the limit is {limit:.1f} GB. Split it or save it as CSV.</source>
        <translation>{name}：工作表解压后有 {size:.1f} GB，上限为 {limit:.1f} GB。请拆分或另存为 CSV。</translation>
    </message>
    <message>
        <source>{name} has no worksheet.</source>
        <translation>{name} 没有工作表。</translation>
    </message>
    <message>
        <source>{name}: cell {value}{number} (row {number}, column {column}) holds the formula {formula} with no saved result. Open the file in Excel and save it again, or paste the values in place of the formulas.</source>
        <translation>{name}：单元格 {value}{number}（第 {number} 行第 {column} 列）是公式 {formula}，且没有保存计算结果。请在 Excel 中打开并重新保存，或用数值替换公式。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>没有文件 {path}。</translation>
    </message>
    <message>
        <source>&apos;{encoding}&apos; is not an encoding this console knows.</source>
        <translation>控制台不认识编码“{encoding}”。</translation>
    </message>
    <message>
        <source>{name}: choose a .csv or .xlsx file (an .xls from old Excel can be saved as .xlsx first).</source>
        <translation>{name}：请选择 .csv 或 .xlsx 文件（旧版 Excel 的 .xls 可先另存为 .xlsx）。</translation>
    </message>
    <message>
        <source>{name} is empty; the first row must name the columns.</source>
        <translation>{name} 是空的；第一行必须是列名。</translation>
    </message>
    <message>
        <source>{name}: export to a .csv or .xlsx file.</source>
        <translation>{name}：请导出为 .csv 或 .xlsx 文件。</translation>
    </message>
</context>
<context>
    <name>tags</name>
    <message>
        <source>tag group</source>
        <translation>标签组</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Give the {what} a name.</source>
        <translation>请给{what}起个名字。</translation>
    </message>
    <message>
        <source>A {what} name can be at most 100 characters.</source>
        <translation>{what}名最多 100 个字符。</translation>
    </message>
    <message>
        <source>A {what} name cannot contain &apos;/&apos;, which separates group and tag.</source>
        <translation>{what}名不能包含“/”，它用于分隔标签组和标签。</translation>
    </message>
    <message>
        <source>That tag no longer exists; refresh the list.</source>
        <translation>该标签已不存在；请刷新列表。</translation>
    </message>
    <message>
        <source>There is already a tag &apos;{name}&apos; in that group; merge into it instead.</source>
        <translation>该组中已有标签“{name}”；请改为合并到它。</translation>
    </message>
    <message>
        <source>There is already a tag group &apos;{name}&apos;.</source>
        <translation>已有标签组“{name}”。</translation>
    </message>
    <message>
        <source>That tag group no longer exists; refresh the list.</source>
        <translation>该标签组已不存在；请刷新列表。</translation>
    </message>
    <message>
        <source>{doubled} members have more than one tag of &apos;{name}&apos;; give each one tag before making the group exclusive.</source>
        <translation>有 {doubled} 名成员带有“{name}”组中的多个标签；设为互斥前请让每人只保留一个。</translation>
    </message>
    <message>
        <source>Choose two different tags to merge.</source>
        <translation>请选择两个不同的标签进行合并。</translation>
    </message>
    <message>
        <source>Choose at least one tag to add or remove.</source>
        <translation>请至少选择一个要添加或移除的标签。</translation>
    </message>
    <message>
        <source>A tag cannot be added and removed in the same step.</source>
        <translation>同一步中不能既添加又移除同一个标签。</translation>
    </message>
    <message>
        <source>Only one tag of an exclusive group can be added at a time.</source>
        <translation>互斥标签组一次只能添加一个标签。</translation>
    </message>
    <message>
        <source>No members match; nothing to tag.</source>
        <translation>没有匹配的成员，无需打标签。</translation>
    </message>
</context>
<context>
    <name>targets</name>
    <message>
        <source>&apos;{metric}&apos; cannot have a target; choose one of {choices}.</source>
        <translation>“{metric}”不能设定目标；请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>A share is a per cent from 0 to 100.</source>
        <translation>占比须为 0 到 100 之间的百分数。</translation>
    </message>
    <message>
        <source>A member count is at least 1.</source>
        <translation>成员数至少为 1。</translation>
    </message>
    <message>
        <source>The deadline must be after today.</source>
        <translation>截止日期须晚于今天。</translation>
    </message>
    <message>
        <source>That target no longer exists.</source>
        <translation>该目标已不存在。</translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>{url} is not a server address; give one like https://team.example.org.</source>
        <translation>{url} 不是服务器地址；请填写类似 https://team.example.org 的地址。</translation>
    </message>
    <message>
        <source>The server refused the sign-in: wrong account name or password, or the account is disabled.</source>
        <translation>服务器拒绝了登录：账号名或密码错误，或账号已停用。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this account or this computer; wait a quarter of an hour and try again.</source>
        <translation>这个账号或这台电脑登录失败次数过多；请等一刻钟后再试。</translation>
    </message>
    <message>
        <source>This console is too old for the team server; upgrade modconsole on this computer.</source>
        <translation>这个控制台版本过旧，团队服务器不再支持；请在这台电脑上升级 modconsole。</translation>
    </message>
    <message>
        <source>The team server is older than this console; ask your admin to upgrade it.</source>
        <translation>团队服务器的版本比这个控制台旧；请联系管理员升级服务器。</translation>
    </message>
    <message>
        <source>The server no longer accepts this console&apos;s sign-in; sign in again with `modconsole login`.</source>
        <translation>服务器不再接受这个控制台的登录；请用 `modconsole login` 重新登录。</translation>
    </message>
    <message>
        <source>Your role on the team may not do this; ask a lead or an admin.</source>
        <translation>你在团队中的角色不能执行此操作；请找组长或管理员。</translation>
    </message>
    <message>
        <source>The team server does not have this file: the console that attached it has not uploaded it (yet).</source>
        <translation>团队服务器上没有此文件：添加它的控制台（还）没有上传。</translation>
    </message>
    <message>
        <source>The team server takes images, PDF and UTF-8 text as evidence; this file is none of them.</source>
        <translation>团队服务器只接收图片、PDF 和 UTF-8 文本作为证据；此文件都不是。</translation>
    </message>
    <message>
        <source>The team server takes evidence files of at most 50 MB.</source>
        <translation>团队服务器接收的证据文件最大为 50 MB。</translation>
    </message>
    <message>
        <source>The team has an account with this name already.</source>
        <translation>团队里已有同名账号。</translation>
    </message>
    <message>
        <source>This name cannot be an account&apos;s name: give the name the team knows the person by, without control characters.</source>
        <translation>这个名字不能用作账号名：请填写团队里对此人的称呼，不要包含控制字符。</translation>
    </message>
    <message>
        <source>The team has no account with this name.</source>
        <translation>团队里没有这个账号。</translation>
    </message>
    <message>
        <source>This is the team&apos;s last active admin; make someone else an admin first.</source>
        <translation>这是团队最后一个有效的管理员；请先把其他人设为管理员。</translation>
    </message>
    <message>
        <source>The team server&apos;s log no longer reaches this console; it catches up from a snapshot.</source>
        <translation>团队服务器的变更日志已不再覆盖此控制台的进度；将改为从快照追上。</translation>
    </message>
    <message>
        <source>The team server answered {status}: {text}</source>
        <translation>团队服务器返回 {status}：{text}</translation>
    </message>
    <message>
        <source>Cannot reach the team server at {url}: {reason}</source>
        <translation>无法连接团队服务器 {url}：{reason}</translation>
    </message>
    <message>
        <source>The team server&apos;s answer could not be read (cut off, or not from a modconsole server); nothing was lost here. Try again.</source>
        <translation>无法读取团队服务器的回复（被截断，或并非来自 modconsole 服务器）；本机没有丢失任何数据。请重试。</translation>
    </message>
    <message>
        <source>This console is not signed in to a team server; sign in with `modconsole login URL --user NAME` first.</source>
        <translation>这个控制台没有登录团队服务器；请先用 `modconsole login URL --user NAME` 登录。</translation>
    </message>
    <message>
        <source>This database holds the demo community, which never leaves this computer. Sync from a fresh database file instead (Settings → Database).</source>
        <translation>这个数据库里是演示社群，演示数据不会离开这台电脑。请改用一个新的数据库文件同步（设置 → 数据库）。</translation>
    </message>
    <message>
        <source>The team server&apos;s answer does not match the changes sent; nothing was dropped here. Try again later.</source>
        <translation>团队服务器的答复与发送的更改对不上；本地没有丢弃任何更改。请稍后再试。</translation>
    </message>
    <message>
        <source>The team server answered {kind!r} for a change; nothing was dropped here.</source>
        <translation>团队服务器对一项更改答复了 {kind!r}；本地没有丢弃任何更改。</translation>
    </message>
    <message>
        <source>The team already has its data, and this database has data of its own; the two are never merged. Either start a fresh database file from the team (`modconsole --db NEW.db login URL --user NAME`, then `modconsole --db NEW.db sync`), or first back this one up (`modconsole backup`) or export it, and then start the fresh file.</source>
        <translation>团队已有自己的数据，而本数据库也有自己的数据；两者绝不会合并。可以从团队开始一个新的数据库文件（`modconsole --db NEW.db login URL --user NAME`，然后 `modconsole --db NEW.db sync`），或先备份本数据库（`modconsole backup`）或导出它，再开始新文件。</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name.</source>
        <translation>{path} 已存在；请换一个文件名。</translation>
    </message>
    <message>
        <source>There is no such attachment.</source>
        <translation>没有这个附件。</translation>
    </message>
    <message>
        <source>The file the team server sent is not the one attached (its SHA-256 differs); nothing was kept. Try again.</source>
        <translation>团队服务器发来的文件与所附文件不符（SHA-256 不同）；未保存任何内容。请重试。</translation>
    </message>
    <message>
        <source>This sync problem was answered already.</source>
        <translation>这个同步问题已经处理过了。</translation>
    </message>
    <message>
        <source>Only a conflict has a value of yours to keep.</source>
        <translation>只有冲突才有“你的值”可以保留。</translation>
    </message>
    <message>
        <source>The record this conflict is about is no longer here.</source>
        <translation>这个冲突涉及的记录已不在本地。</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>holds the control character U+{code:04X} at character {position}; remove it</source>
        <translation>在第 {position} 个字符处含有控制字符 U+{code:04X}；请删除</translation>
    </message>
</context>
<context>
    <name>themes</name>
    <message>
        <source>Give the theme a title.</source>
        <translation>请给主题起个标题。</translation>
    </message>
    <message>
        <source>A theme title can be at most 200 characters.</source>
        <translation>主题标题最多 200 个字符。</translation>
    </message>
    <message>
        <source>The last day cannot be before the first.</source>
        <translation>最后一天不能早于第一天。</translation>
    </message>
    <message>
        <source>A theme can run for at most a year.</source>
        <translation>主题最长持续一年。</translation>
    </message>
    <message>
        <source>&apos;{color}&apos; is not a colour like #ffe0b2.</source>
        <translation>“{color}”不是 #ffe0b2 这样的颜色。</translation>
    </message>
    <message>
        <source>That theme was deleted meanwhile; reload.</source>
        <translation>该主题已被删除；请重新载入。</translation>
    </message>
</context>
<context>
    <name>write_lock</name>
    <message>
        <source>another modconsole window or command</source>
        <translation>另一个 modconsole 窗口或命令</translation>
    </message>
    <message>
        <source>an import</source>
        <translation>一次导入</translation>
    </message>
    <message>
        <source>bulk tagging</source>
        <translation>批量打标签</translation>
    </message>
    <message>
        <source>the demo loader</source>
        <translation>演示数据载入</translation>
    </message>
    <message>
        <source>a restore</source>
        <translation>一次恢复</translation>
    </message>
    <message>
        <source>a long job</source>
        <translation>一项耗时任务</translation>
    </message>
    <message>
        <source>{what} ({detail})</source>
        <translation>{what}（{detail}）</translation>
    </message>
    <message>
        <source>{what} in process {pid}, running since {since},</source>
        <translation>进程 {pid} 中的{what}（自 {since} 起运行）</translation>
    </message>
    <message>
        <source>The database stayed busy for {minutes} minute(s): {who} is writing to it. Nothing was written. Let it finish (or close that window) and try again.</source>
        <translation>数据库持续繁忙 {minutes} 分钟：{who}正在写入。未写入任何内容。请等它完成（或关闭那个窗口）后重试。</translation>
    </message>
</context>
</TS>
