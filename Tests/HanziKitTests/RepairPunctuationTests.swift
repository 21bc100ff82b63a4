import HanziKit
import Testing

// Full-width punctuation folded to ASCII inside Chinese (issue #5 item 7), restored only where
// it belongs to Chinese.

@Test func foldedPunctuationBetweenChineseCharactersIsRestored() throws {
    let (text, fixes) = try RepairFixture.repairer.get().repair("他说:\"你好!\"她问:\"你去吗?\"我不去,太远了(真的)。")
    #expect(text == "他说：“你好！”她问：“你去吗？”我不去，太远了（真的）。")
    #expect(fixes.allSatisfy { $0.diagnosis == .asciiPunctuationInChinese && $0.changesText })
}

@Test func aRunOfExclamationMarksIsRestoredWhole() throws {
    // Reviews end with 上当了！！！ as often as with one mark; folded, each '!' of the run stands
    // beside another '!', not beside Chinese.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair("买了之后标语消失了,上当了!!!").text == "买了之后标语消失了，上当了！！！")
    #expect(repairer.repair("环境优美!!下次还住").text == "环境优美！！下次还住")
    #expect(repairer.repair("Wow!! It works, 真的").text == "Wow!! It works, 真的")
    // Question marks in the run are the question's (门？！, 什么！？), unless they are "??" after
    // a clause that asks nothing, lost characters, or stand at both ends, where the one-byte
    // shift lost a mark (事?!?).
    #expect(repairer.repair("这样的封面怎么出得了门?!儿子才6个月,还没有看").text == "这样的封面怎么出得了门？！儿子才6个月，还没有看")
    #expect(repairer.repair("你说什么!?我不信,真的").text == "你说什么！？我不信，真的")
    #expect(repairer.repair("真的吗??!我不信,真的").text == "真的吗？？！我不信，真的")
    #expect(repairer.repair("房间满??!没有任何告知,很差").text == "房间满??!没有任何告知，很差")
    #expect(repairer.repair("天下斷沒有那樣暗合的事?!?").text == "天下斷沒有那樣暗合的事?!?")
    // In a line whose '?' stand for lost characters (it writes ？ full-width), such a run stays whole.
    #expect(repairer.repair("你说什么？房间满?!!没有任何告知,很差").text == "你说什么？房间满?!!没有任何告知，很差")
    // Each run is found once, however long (a line of them once took quadratic time).
    let long = "中" + String(repeating: "!", count: 100_000) + "文"
    #expect(repairer.repair(long).text == "中" + String(repeating: "！", count: 100_000) + "文")
}

@Test func quotesNothingDecidesPairWithinTheLine() throws {
    // After 。 a quote closes more often than it opens, but where no quote of the line is sure
    // and they can pair within it, the line's first one opens.
    let repairer = try RepairFixture.repairer.get()
    #expect(repairer.repair("《离婚》也读完了。\"离婚\"翻译成更明白的话,应该叫幻灭。").text
            == "《离婚》也读完了。“离婚”翻译成更明白的话，应该叫幻灭。")
    #expect(repairer.repair("银河广场边上有\"科丽珑\"超市,酒店一楼有小卖部。").text
            == "银河广场边上有“科丽珑”超市，酒店一楼有小卖部。")
    // A number set in Chinese outside a quotation says nothing of its direction.
    #expect(repairer.repair("银河广场边上有\"科丽珑\"24小时营业的超市,酒店一楼有小卖部。").text
            == "银河广场边上有“科丽珑”24小时营业的超市，酒店一楼有小卖部。")
}

@Test func marksBesideALatinWordInsideChineseAreRestored() throws {
    let cases = [
        ("姑太太养一条小哈巴狗,取名Bobby,视为性命。", "姑太太养一条小哈巴狗，取名Bobby，视为性命。"),
        ("他一笑,Bobby也跟着叫。", "他一笑，Bobby也跟着叫。"),
        ("想来不是Anita,就是Juanita,她父母叫她Nita。", "想来不是Anita，就是Juanita，她父母叫她Nita。"),
        // The word may begin a quotation.
        ("應用張吉民先生的話道:「Searchme!難道讀的是數學?", "應用張吉民先生的話道：「Searchme！難道讀的是數學？"),
        // The word may end in digits, and be written full-width.
        ("我都在聽它附帶的mp3,掌握了一些常用的話。", "我都在聽它附帶的mp3，掌握了一些常用的話。"),
        ("最开心的是朋友帮忙装了ＷＩＮＤＯＷＳ７,界面很漂亮。", "最开心的是朋友帮忙装了ＷＩＮＤＯＷＳ７，界面很漂亮。"),
        // In a line folded whole, a word of a list that 、 separates is set in Chinese too.
        ("顯示未追蹤的檔案,模式的可選參數:all、normal、no。", "顯示未追蹤的檔案，模式的可選參數：all、normal、no。"),
        // A closing corner bracket stands for Chinese as a Han character does.
        ("如果設為「true」,Nautilus 在媒體插入時永不提示", "如果設為「true」，Nautilus 在媒體插入時永不提示"),
        // In a line folded whole, a mark that ends the line after the word is the sentence's.
        ("警告:这个密钥也被列为用于 SSH!", "警告：这个密钥也被列为用于 SSH！"),
        ("其后可以安装那一个 backported 软件包,下面的命令将安装 backported 版本的 tuxtype:",
         "其后可以安装那一个 backported 软件包，下面的命令将安装 backported 版本的 tuxtype："),
        ("CF卡和无线网卡(非USB)无法使用;VISTA系统不爽,想改装WINXP;", "CF卡和无线网卡（非USB）无法使用；VISTA系统不爽，想改装WINXP；"),
    ]
    try expectRepairs(cases)
    // Not between two Latin words, not after digits, and not ':' after a Latin label.
    try expectRepairs(["设置x,y坐标后运行。", "支持Python,Java和Go三种语言。", "共3,000元的预算。", "Note:这是注释。",
                       "这个密钥也被列为用于 SSH!", "警告：这个密钥也被列为用于 SSH!",
                       "下面的命令将安装 backported 版本的 tuxtype:"].map { ($0, $0) })
}

@Test func inALineFoldedWholeMarksBesideNumbersAndSpacesAreRestored() throws {
    // A colon before a number set in Chinese, a list item's number at the start of the line,
    // and a mark with a space on each side (a review site's template).
    try expectRepairs([
        ("書中的內容總結起來就是:20歲的女生要學會圓滑處世,要懂得爲自己着想。", "書中的內容總結起來就是：20歲的女生要學會圓滑處世，要懂得爲自己着想。"),
        ("2,第二间房:一开门就是一股异味,明显很久没人住了。", "2，第二间房：一开门就是一股异味，明显很久没人住了。"),
        ("补充点评 2008年6月8日 : 建议把地址改为\"六峰路\",这样开车好找!", "补充点评 2008年6月8日 ： 建议把地址改为“六峰路”，这样开车好找！"),
        // A number with Chinese before it, and Chinese after the mark or '!' ending the line.
        ("市场价其实只有3800,京东标4000,给人优惠的错觉,真的。", "市场价其实只有3800，京东标4000，给人优惠的错觉，真的。"),
        ("如果有－100的话,我会毫不犹豫打－100!!", "如果有－100的话，我会毫不犹豫打－100！！"),
        // A percentage too, and one set off by a space (LibreOffice's help).
        ("例如,年利率 8%,您想输入月作为周期,则请输入 8%/12。", "例如，年利率 8%，您想输入月作为周期，则请输入 8%/12。"),
        ("如果您将参数属性指定为 1,则采用以下返回值:", "如果您将参数属性指定为 1，则采用以下返回值："),
        // ￥ is typed in Chinese, and so is the price after it.
        ("幫朋友買的,￥6999,相比A34促銷￥6199,性價比低了一些", "幫朋友買的，￥6999，相比A34促銷￥6199，性價比低了一些"),
        // Not '?', which after a number more often stands for a lost unit (14寸).
        ("电池续航时间长,比14?本本携带方便多了,性能好", "电池续航时间长，比14?本本携带方便多了，性能好"),
    ])
    // Not where the line writes its marks full-width: there the writer typed these.
    try expectRepairs(["就是:20歲的女生，很好。", "第一点 : 说明，很好。", "2,第二间房，很好。", "只有3800,京东标4000，给人"].map { ($0, $0) })
}

@Test func inALineFoldedWholeMarksBesideListNumbersRunsAndAddressesAreRestored() throws {
    try expectRepairs([
        // A mark before a space and a list item's number with 、, or a quotation opening there.
        ("补充点评 2008年6月25日 : \"1、您到店的时间已经超出,升级到了豪华房间; 2、您入住房间的电视机是21寸的\"",
         "补充点评 2008年6月25日 ： “1、您到店的时间已经超出，升级到了豪华房间； 2、您入住房间的电视机是21寸的”"),
        // Parentheses with a number after them, a run of commas, and a comma after an address.
        ("1完美屏(上帝保佑)2散熱沒有那麼多問題,很好", "1完美屏（上帝保佑）2散熱沒有那麼多問題，很好"),
        ("長長走廊,只有一兩盞燈,,一齣電梯眼睛要過一會兒", "長長走廊，只有一兩盞燈，，一齣電梯眼睛要過一會兒"),
        ("大家可以參考http://wuyilala.com/index.php/2009/06/,注意一下\"第四步\",一切就ok啦!",
         "大家可以參考http://wuyilala.com/index.php/2009/06/，注意一下“第四步”，一切就ok啦！"),
    ])
    // Not where the line writes its marks full-width or shows nothing folded.
    try expectRepairs(["只有一兩盞燈,,一齣電梯，很暗", "函数f(参数)2次", "参考http://a.com/x,注意"].map { ($0, $0) })
}

@Test func anAddressEndsAtAQuoteOrAFullWidthMarkAndTheSentenceAfterItEndsWithAFullStop() throws {
    try expectRepairs([
        ("可以看这个网址http://example.com/doc/,里面有\"安装步骤\",写得很清楚.", "可以看这个网址http://example.com/doc/，里面有“安装步骤”，写得很清楚。"),
        ("地址是http://example.com/a.html,打开后点\"下一步\"!就可以了.", "地址是http://example.com/a.html，打开后点“下一步”！就可以了。"),
    ])
    // Inside the address a '.' stays, Chinese around it or not.
    try expectRepairs([("官网是http://例子.中国/下载.", "官网是http://例子.中国/下载.")])
}

@Test func marksAfterALatinWordSetOffBySpacesAreRestored() throws {
    // Technical writing sets Latin words and options off with spaces.
    try expectRepairs([
        ("系统中当前的 su 命令使用了 PAM,这样当在登录时", "系统中当前的 su 命令使用了 PAM，这样当在登录时"),
        ("如果指定了 -name,则删除叫做 resourceName 的资源。", "如果指定了 -name，则删除叫做 resourceName 的资源。"),
    ])
    // Not where the word follows Latin text or a number.
    try expectRepairs(["使用 Hello World,然后退出。", "第 3,000 行"].map { ($0, $0) })
}

@Test func inALineFoldedWholeQuotationsOfLatinWordsAndPathsAreRestoredToo() throws {
    try expectRepairs([
        ("再舉一個例子,顯示卡的裝置檔案\"/dev/fb0\",滑鼠裝置檔案在這裡。", "再舉一個例子，顯示卡的裝置檔案“/dev/fb0”，滑鼠裝置檔案在這裡。"),
        ("因爲環境變量 \"PATH\" 中包含了它,所以能運行。", "因爲環境變量 “PATH” 中包含了它，所以能運行。"),
        // A quotation may begin with '.': a quoted mark or a file name's extension.
        ("最後一個\".\"之前但不包括這個\".\"的字元。如果不包含點號,則返回 name。",
         "最後一個“.”之前但不包括這個“.”的字元。如果不包含點號，則返回 name。"),
        ("根文件名是地域字符串,扩展名是\".msg\"。", "根文件名是地域字符串，扩展名是“.msg”。"),
    ])
    // Where the line writes its marks full-width, its straight quotes are as written, and a
    // format string keeps its quotes even in a line folded whole.
    try expectRepairs([
        ("因爲環境變量 \"PATH\" 中包含了它，所以能運行。", "因爲環境變量 \"PATH\" 中包含了它，所以能運行。"),
        ("无法打开文件\"%s\",请检查权限", "无法打开文件\"%s\",请检查权限"),
    ])
}

@Test func aStraightQuoteBetweenHanCharactersShowsTheLineWasFoldedWhole() throws {
    try expectRepairs([
        ("可接受的值在 [-1..1] 范围内,(从\"不加速\"到\"快速\")。0 是系统默认值。",
         "可接受的值在 [-1..1] 范围内，（从“不加速”到“快速”）。0 是系统默认值。"),
        ("<文件列表> 的格式可以是\"文件1 文件2\"、\"目录1 目录2\"、\"目录 文件\"或",
         "<文件列表> 的格式可以是“文件1 文件2”、“目录1 目录2”、“目录 文件”或"),
    ])
    // A quote with Han on one side only shows nothing: a quoted name or path keeps its quotes.
    try expectRepairs([
        ("文件部分 \"basename\" 可以是\"a b\"或", "文件部分 \"basename\" 可以是\"a b\"或"),
    ])
}

@Test func linesCutInsideASentenceKeepTheirFoldedMarksRestorable() throws {
    try expectRepairs([
        // A quote after a colon at the line's end opens the quotation the next line goes on with.
        ("子曰:\"吾日三省吾身。\"孔子曰:\"", "子曰：“吾日三省吾身。”孔子曰：“"),
        // A parenthesis whose partner is on another line, and a comma before a space.
        ("遇到了一些問題,例如軟件包衝突(例如依賴", "遇到了一些問題，例如軟件包衝突（例如依賴"),
        ("要建立一個相容的轉換, 你必須是超級使用者,順便說一句,BEGIN 關鍵字在這裡。",
         "要建立一個相容的轉換， 你必須是超級使用者，順便說一句，BEGIN 關鍵字在這裡。"),
        // A mark at the start of the line, and parentheses beside a Latin word or a quotation.
        (",例如无法启动系统且没有网络连接。让我们假定 foo 软件包损坏了,并", "，例如无法启动系统且没有网络连接。让我们假定 foo 软件包损坏了，并"),
        ("命令 rm(来自\"remove\")删除文件,请小心!它不见了。", "命令 rm（来自“remove”）删除文件，请小心！它不见了。"),
        // A parenthesis after a folded mark, which in turn is restored before it.
        ("礼宾部人在旁边都不帮忙拿行李,(行!自己拿.)", "礼宾部人在旁边都不帮忙拿行李，（行！自己拿。）"),
    ])
}

@Test func parenthesesAfterALatinWordWrittenIntoHanAreRestoredAroundChinese() throws {
    try expectRepairs([
        ("驗證必須在IPCP(或任何其它網路控制協定)開始之前被完全地", "驗證必須在IPCP（或任何其它網路控制協定）開始之前被完全地"),
    ])
    // Not after a word set off by a space, nor around content that begins in Latin.
    try expectRepairs(["使用 malloc(大小)分配內存", "驗證必須在IPCP(PPP控制協定)開始"].map { ($0, $0) })
}

@Test func aParenthesisWhosePartnerTheLineCutsOffIsRestoredBetweenHanCharacters() throws {
    try expectRepairs([
        ("當 aptitude 命令啓動後遇到了一些問題(例如軟件包衝", "當 aptitude 命令啓動後遇到了一些問題（例如軟件包衝"),
        ("只有二十四层是非吸烟楼层)其余都可以", "只有二十四层是非吸烟楼层）其余都可以"),
    ])
    // Set off by a space or after a Latin word, it keeps the technical ASCII style.
    try expectRepairs(["遇到了一些問題 (例如軟件包衝", "調用函數f(例如參數"].map { ($0, $0) })
}

@Test func parenthesesAroundAChineseQuotationAreRestored() throws {
    // A quotation is Chinese content, whatever it quotes.
    try expectRepairs([
        ("默认情况下,可以分别映射到左、右和中键(\"lrm\")。", "默认情况下，可以分别映射到左、右和中键（“lrm”）。"),
        ("使用固定(「hard」)資源限制", "使用固定（「hard」）資源限制"),
    ])
    // Not after a Latin name: a call keeps its ASCII.
    try expectRepairs(["调用f(「hard」)資源限制"].map { ($0, $0) })
}

@Test func inALineFoldedWholeAMarkBesideLatinTextIsTheSentences() throws {
    try expectRepairs([
        ("如果轉換標記為 AS ASSIGNMENT,那麼在賦值的時候,可以隱含呼叫它。",
         "如果轉換標記為 AS ASSIGNMENT，那麼在賦值的時候，可以隱含呼叫它。"),
        ("最好是 \"@im=fcitx\" (也可以是其他值),LC_CTYPE 也要設定,否則無效",
         "最好是 “@im=fcitx” （也可以是其他值），LC_CTYPE 也要設定，否則無效"),
    ])
    // Where nothing else shows the line folded, a phrase of Latin words keeps its ASCII comma.
    try expectRepairs(["如果轉換標記為 AS ASSIGNMENT,那麼呼叫它。"].map { ($0, $0) })
}

@Test func aQuoteSetOffBySpaceAtTheEndOfALineFoldedWholeOpens() throws {
    try expectRepairs([
        ("行它,因爲環境變量 \"PATH\" 中包含了它。運行 \"export\" 可以看到 \"",
         "行它，因爲環境變量 “PATH” 中包含了它。運行 “export” 可以看到 “"),
    ])
    // A line that shows no folding keeps its quotes straight.
    try expectRepairs(["運行 \"export\" 可以看到 \""].map { ($0, $0) })
}

@Test func aQuotationBesideADashTypedAsHyphensIsRestored() throws {
    // Writers type —— as "----": outside a quotation it is as Chinese as the dash.
    try expectRepairs([
        ("\"先天下之憂而憂\"----是這羣有思想的有識之士的共同特徵,\"以天下興亡爲己任\"----是他們的高尚品德。",
         "“先天下之憂而憂”----是這羣有思想的有識之士的共同特徵，“以天下興亡爲己任”----是他們的高尚品德。"),
        ("一个词----\"大失所望\"!!!去广州之前,在携程上研究了半天", "一个词----“大失所望”！！！去广州之前，在携程上研究了半天"),
    ])
    // Not one hyphen, nor hyphens before a Latin word (an option). (A quotation of Han alone
    // is Chinese whatever stands outside it: 他说“好的”-然后.)
    try expectRepairs(["参数\"foo\"--bar 的用法", "他说\"ok好的\"-然后走了"].map { ($0, $0) })
}

@Test func aQuotationOfAProgramsMarksPairsWhicheverWayItsMarksFace() throws {
    // Its first quote opens though a closing mark follows it, and its marks are no sentence's.
    // Against Han it is the sentence's quotation, as catalogs and manuals write it.
    try expectRepairs([
        ("語法錯誤:未預期的\")\"", "語法錯誤：未預期的“)”"),
        ("會放一個\":\"到 <名稱> 變數,並將 OPTARG 設為找到的選項字元", "會放一個“:”到 <名稱> 變數，並將 OPTARG 設為找到的選項字元"),
        ("當使用\"==\"和\"!=\"運算子時,運算子右邊的字串", "當使用“==”和“!=”運算子時，運算子右邊的字串"),
        ("字段之间用\"(\"隔开", "字段之间用“(”隔开"),
        ("一个列表的路径必须以\":/\"结束", "一个列表的路径必须以“:/”结束"),
        // Between two quotations the marks are the sentence's.
        ("他說\"甲\"(\"乙\")不對,是\"丙\"", "他說“甲”（“乙”）不對，是“丙”"),
    ])
    // Spaced off from Han in a line that shows no folding, it is the program's.
    try expectRepairs([("用 \":\" 分隔", "用 \":\" 分隔")])
}

@Test func aQuotationOfDotsPairsAndIsTheSentencesBetweenChinese() throws {
    // Its first quote opens though a dot follows it, so the quotations after it pair too.
    try expectRepairs([
        ("显示目录内容(包含几乎所有文件和目录,除了\"..\"和\".\")", "显示目录内容（包含几乎所有文件和目录，除了“..”和“.”）"),
        ("若是在文字欄位旁的\"...\"上按一下,則會顯示\"選擇標籤欄位\"對話方塊。", "若是在文字欄位旁的“...”上按一下，則會顯示“選擇標籤欄位”對話方塊。"),
    ])
    // Spaced off from Chinese, it is a path as typed.
    try expectRepairs([("切换到上一级目录,输入 cd \"..\" 即可", "切换到上一级目录，输入 cd \"..\" 即可")])
}

@Test func aQuotedTokenWithHanOutsideItIsRestored() throws {
    // An option, a value or a name quoted inside a Chinese sentence, as translated messages
    // quote them (“--yes”, “gnome”).
    try expectRepairs([
        ("无法于批处理模式中在没有\"--yes\"的情况下完成此操作", "无法于批处理模式中在没有“--yes”的情况下完成此操作"),
        ("会话使用的名称。已知值为\"gnome\"。", "会话使用的名称。已知值为“gnome”。"),
        ("\"u\"只在使用\"r\"选项的时候才有意义。", "“u”只在使用“r”选项的时候才有意义。"),
        // Spaces may pad the token inside its quotation marks, which then pair.
        ("输入\" console-application \"组件,但是缺少类型。", "输入“ console-application ”组件，但是缺少类型。"),
        // A quotation against Han on one side may be spaced off on the other.
        ("我認爲\"/proc\" 是新手訓練的最佳場合", "我認爲“/proc” 是新手訓練的最佳場合"),
        // Items of a list 、 separates are set in Chinese, and a quotation may hold one mark.
        ("含有 ASCII 数字、字母、\"-\"、\"+\"之外的字符", "含有 ASCII 数字、字母、“-”、“+”之外的字符"),
        // A Latin word before the line's first quote ends no quotation where Chinese comes
        // before it or it begins a sentence: the quotation of Han opens there.
        ("按下Shift\"暂停\"键", "按下Shift“暂停”键"),
        // So is a quotation of ASCII words with Han against both its quotes, where no quote of
        // the line is spaced off from Han ("basename" below keeps the line's quotes straight).
        ("伺服器不接受\"PBSZ 0\"指令。", "伺服器不接受“PBSZ 0”指令。"),
        ("您可以將\"git config\"改成\"git config --global\"以設定", "您可以將“git config”改成“git config --global”以設定"),
        // Or of ASCII and Han, a menu's path or a name with a number, with Chinese against both.
        ("选择\"LibreOffice - 偏好设置工具 - 选项 - LibreOffice Calc - 公式\"。",
         "选择“LibreOffice - 偏好设置工具 - 选项 - LibreOffice Calc - 公式”。"),
        ("范围2 – 可选。\"范围2\"和以下所有内容的含义与\"区域1\"相同。", "范围2 – 可选。“范围2”和以下所有内容的含义与“区域1”相同。"),
        // After it, a folded mark before Chinese is the sentence's.
        ("如果输出文件是\"-\",则会将结果写入至标准输出.", "如果输出文件是“-”，则会将结果写入至标准输出。"),
        ("如設定為\"true\",除了在時鐘內顯示時間外還顯示週數。", "如設定為“true”，除了在時鐘內顯示時間外還顯示週數。"),
        ("大寫鍵使用內部大寫.Shift\"暫停\"大寫鍵", "大寫鍵使用內部大寫。Shift“暫停”大寫鍵"),
        ("Shift\"暫停\"大寫鍵", "Shift“暫停”大寫鍵"),
        ("警告:语法错误,字符串后预期有\"=\"或\";\"", "警告：语法错误，字符串后预期有“=”或“;”"),
    ])
    // Formats, code and quotations set off by spaces keep their straight quotes.
    try expectRepairs(["无法打开文件\"%s\"请检查权限", "文件\"{0}\"不存在", "调用 f(\"name\") 时出错", "使用 \"name\" 参数。",
                       "{\"name\":\"张三\"}"].map { ($0, $0) })
}

@Test func aQuotedTokenAndItsGlossInParenthesesAreRestoredTogether() throws {
    // Neither the quotation nor the parentheses touch Chinese alone, but the pair does.
    try expectRepairs([
        ("可取值有\"none\"(无)、\"wallpaper\"(壁纸)。", "可取值有“none”（无）、“wallpaper”（壁纸）。"),
        ("删除\"password\"(口令)行或令文件不可由他人读取.", "删除“password”（口令）行或令文件不可由他人读取。"),
        // A quoted token in parentheses between Han characters is the sentence's gloss.
        ("失败(\"failed\")状态需要认证", "失败（“failed”）状态需要认证"),
    ])
    // Set off by a space, it is the technical ASCII style.
    try expectRepairs(["可取值有 \"none\" (无) 和 \"all\" (全部)"].map { ($0, $0) })
}

@Test func aListNumberIsRestoredInALineFoldedWhole() throws {
    try expectRepairs([
        ("非常好!其中有幾個方面對我啓發非常大。(1)對業務系統的描述和理解,給人的感覺十分直觀。(2)盈利模式方面,很有啓發性。",
         "非常好！其中有幾個方面對我啓發非常大。（1）對業務系統的描述和理解，給人的感覺十分直觀。（2）盈利模式方面，很有啓發性。"),
        ("1)送朋友入住,所有的车位都上锁,只好找别的收费的", "1）送朋友入住，所有的车位都上锁，只好找别的收费的"),
        ("缺点:房间小,2)早餐一般", "缺点：房间小，2）早餐一般"),
    ])
    // Where the line writes its marks full-width, "(1)" and "1)" are the writer's own; an
    // open '(' is closed by its own ')'.
    try expectRepairs([
        "其中有幾個方面。(1)對業務系統的描述和理解，給人的感覺十分直觀。",
        "1)送朋友入住，所有的车位都上锁",
        "运行 cs(版本 1)就卡",
    ].map { ($0, $0) })
}

@Test func aQuotationAColonOpensMayBeginWithSpaces() throws {
    try expectRepairs([("王笑曰:\" 聖人非所與熙也,寡人反取病焉。\"", "王笑曰：“ 聖人非所與熙也，寡人反取病焉。”")])
    // Without the colon a quote before a space is as often a closing one (" 裏的描述, cut from a
    // quotation): it stays.
    try expectRepairs(["\" 裏的描述，使用 non-free 和 contrib 軟件包會有負面影響。"].map { ($0, $0) })
}

@Test func aListOfWordsBetweenSemicolonsKeepsItsSemicolons() throws {
    // A desktop file's keywords, read by a program.
    try expectRepairs([
        "app;application;programme;tool;应用;应用程序;工具;",
        "羅馬尼亞語;莫爾達維亞語;摩爾多瓦語",
    ].map { ($0, $0) })
    // Clauses between semicolons are a sentence's.
    try expectRepairs([("他来了;她也来了,我们一起走了;你呢", "他来了；她也来了，我们一起走了；你呢")])
}

@Test func aMarkThatEndsALineAfterAClosingMarkIsAsWrittenWhereNothingElseShowsFolding() throws {
    // Manuals end list items and headings so.
    try expectRepairs([
        "bind：DNS 服务配置（域名服务）;",
        "「常规打印」:",
        // Nor is a mark after 。: the sentence had ended.
        "指定用於建立子表單的表格或查詢。!",
        "对布尔表达式执行逻辑与运算时，如果两个表达式的结果均为「True」，则返回值也为「True」:",
    ].map { ($0, $0) })
    // Where the line's other marks were folded, it was folded too.
    try expectRepairs([("他说,这是「常规打印」:", "他说，这是「常规打印」：")])
}

@Test func parenthesesAroundLatinTextWithHanInsideStayBetweenMarksInALineShowingNoFolding() throws {
    try expectRepairs([
        "选择「形状 - 分割」(LibreOffice 仅限于 Draw)",
        "接下来的内容跟您使用的无线网卡密切相关：(PCI 内置、USB 或者 PCMCIA)。",
    ].map { ($0, $0) })
    // Han beside them, they are the sentence's.
    try expectRepairs([("密切相关(PCI 内置、USB 或者 PCMCIA)的内容", "密切相关（PCI 内置、USB 或者 PCMCIA）的内容")])
}

@Test func aMarkAfterABracketAroundAChineseNameIsTheSentences() throws {
    // Manuals name menus and buttons in brackets.
    try expectRepairs([
        ("按一下 [巨集],並選取要指定給所選事件的巨集。", "按一下 [巨集]，並選取要指定給所選事件的巨集。"),
        ("請選擇 [插入] - [手動斷行],從清單方塊中選取", "請選擇 [插入] - [手動斷行]，從清單方塊中選取"),
        // A command's help names its arguments in angle brackets, and a parenthesis follows too.
        ("-F, --file=设备    打开并使用指定的 <设备>,而不是标准输入", "-F, --file=设备    打开并使用指定的 <设备>，而不是标准输入"),
        ("寻找并打印任何 NUL 结尾的、至少为 <数字>(默认 4)", "寻找并打印任何 NUL 结尾的、至少为 <数字>（默认 4）"),
    ])
    // Not a key's name or a list's index, nor a '?' after a name, which asks nothing.
    try expectRepairs(["請按 [Enter],然後繼續", "取 a[1],再取 b[2]", "請按 <Enter>,然後繼續", "預期是 <路徑>?梗"].map { ($0, $0) })
}

@Test func codesParenthesesAndTheMarksBetweenACallsArgumentsStay() throws {
    try expectRepairs([
        "使用 =EDATE(日期;月数)。",
        "「$(ARG1)」已于$(ARG2)被您在其他系统编辑",
    ].map { ($0, $0) })
    // A sentence in parentheses after a Latin word is no call's arguments.
    try expectRepairs([("需要一些動作來啟用 LDAP(我沒有使用過這個設定,並且下面的資訊是第二手的。)。",
                        "需要一些動作來啟用 LDAP（我沒有使用過這個設定，並且下面的資訊是第二手的。）。")])
}

@Test func inALineFoldedWholeALatinGlossKeepsItsFullWidthParentheses() throws {
    try expectRepairs([
        ("也算是一種創造,好比小孩子游戲裏的自騙自(Pseudoluege)。", "也算是一種創造，好比小孩子游戲裏的自騙自（Pseudoluege）。"),
        ("柔嘉比不上法國劇人貝恩哈脫(Sarah Barnhardt),腰身纖細,瘦削是不能否認的。",
         "柔嘉比不上法國劇人貝恩哈脫（Sarah Barnhardt），腰身纖細，瘦削是不能否認的。"),
    ])
    // A gloss set off by a space keeps the technical ASCII style, a menu's key is no gloss, and
    // a line that writes its marks full-width wrote its parentheses as they are.
    try expectRepairs([
        ("件用户代理 (MUA)是生成信息的程序,也访问信息。", "件用户代理 (MUA)是生成信息的程序，也访问信息。"),
        ("請選擇,變更姓名(N)或退出(Q)", "請選擇，變更姓名(N)或退出(Q)"),
        ("重置全部默认模板(~F)", "重置全部默认模板(~F)"),
        ("好比小孩子游戲裏的自騙自(Pseudoluege)，也算是一種創造。", "好比小孩子游戲裏的自騙自(Pseudoluege)，也算是一種創造。"),
    ])
}

@Test func inALineFoldedWholeALoneQuestionMarkBetweenCharactersAsks() throws {
    try expectRepairs([
        ("呃,呃,啊?什么三个学生——孙小姐,你去借一本书。", "呃，呃，啊？什么三个学生——孙小姐，你去借一本书。"),
        ("我出去好半天了,你真的没有睡熟?吃过东西没有?", "我出去好半天了，你真的没有睡熟？吃过东西没有？"),
    ])
    // Where "??" stands between characters, the line's '?' are characters an encoder lost,
    // even beside a question word (任何).
    try expectRepairs([("?制?任何本地?案的??重置成??端?案相同,一般", "?制?任何本地?案的??重置成??端?案相同，一般")])
}

@Test func inALineFoldedWholeARunOfQuestionMarksThatAsksIsRestored() throws {
    // Reviews typed with ASCII marks ask with runs of '?': between characters after a clause
    // that asks, or four or more at the line's end.
    try expectRepairs([
        ("这是什么意思???我预订两天,结果住了一天就走了.", "这是什么意思？？？我预订两天，结果住了一天就走了。"),
        ("到哪儿去玩??完全就是在浪费金钱和时间!!", "到哪儿去玩？？完全就是在浪费金钱和时间！！"),
        ("17号下的订单,怎么24号还没有见到他们啊????", "17号下的订单，怎么24号还没有见到他们啊？？？？"),
    ])
    // Two or three at the line's end are as often the marks the one-byte shift lost (錢?? for
    // 錢？); after a clause that asks nothing they are lost characters; and a line that writes
    // its marks full-width was not folded.
    try expectRepairs([
        ("陳慶朝憋不住了,給市長寫信:爲什麼辦個執照得花那麼多錢??", "陳慶朝憋不住了，給市長寫信：爲什麼辦個執照得花那麼多錢??"),
        ("地方官??鸿渐暗想,他为何不来", "地方官??鸿渐暗想，他为何不来"),
        ("他问什么??我不知道，真的", "他问什么??我不知道，真的"),
    ])
    // A lone '?' is no run: after 是否 it stands for a character that begins a word (是否?住 lost 記).
    #expect(try RepairFixture.repairer.get().repair("是否?住的最近使用的?案").text.hasPrefix("是否?住"))
}

@Test func inALineFoldedWholeTwoQuestionMarksInWordsAreLostCharacters() throws {
    // Where the line was folded whole, two '?' between characters in clauses no question word
    // marks could be questions (你也配管我?我要你来说?), but as often stand for quotation marks
    // an encoder lost: the '?' stay, the other marks are restored.
    try expectRepairs([
        ("孙寅贵太有?才?了,忽悠不知情的读者!这或许可称作一种?富人的公平?吧.", "孙寅贵太有?才?了，忽悠不知情的读者！这或许可称作一种?富人的公平?吧。"),
        ("他笑道:\"你也配?骸?聖人說的,我不信.\"", "他笑道：“你也配?骸?聖人說的，我不信。”"),
        // A '?' right after a question particle asks all the same, also in a line that writes
        // ？ elsewhere.
        ("你知道有这么一头牛吗?他不爱抵角,不爱刨地，会不会寂寞？", "你知道有这么一头牛吗？他不爱抵角，不爱刨地，会不会寂寞？"),
        // A demonstrative beside one is no sign of a question, as a personal pronoun is: reviews
        // write 都写明?阿或波?这样 for the quotation marks an encoder lost.
        ("都写明?阿或波?这样一看,马上就能想到", "都写明?阿或波?这样一看，马上就能想到"),
    ])
}

@Test func aQuestionMarkBesideAPersonalPronounEndsAClauseRatherThanStandingForALostCharacter() throws {
    // A personal pronoun begins or ends a clause (巫妖王?您以前, 謀殺了他們?還有): such a '?' is no
    // sign of lost characters, so the line's other question marks are restored with it.
    try expectRepairs([
        ("艾姆卡蘇爾?所以您聽說過這巫妖王?您以前認識他嗎?他曾經是一位強大的法師嗎?",
         "艾姆卡蘇爾？所以您聽說過這巫妖王？您以前認識他嗎？他曾經是一位強大的法師嗎？"),
        ("她下令謀殺了他們?還有其他的王子,並不只是科納德?你說的肯定不是事實!", "她下令謀殺了他們？還有其他的王子，並不只是科納德？你說的肯定不是事實！"),
        ("那妇人道:\"吃醋也轮得到你?我要你来管?给你点面子,你就封了王了!", "那妇人道：“吃醋也轮得到你？我要你来管？给你点面子，你就封了王了！"),
    ])
    // Text written to GB 2312 keeps its full-width marks and its '?' for what the encoder lacked.
    try expectLeftAsLostCharacters(["秦国小子?在翟泉结盟，他?我们说"])
}

@Test func aLineThatBeginsInsideAQuotationClosesItAtItsFirstQuote() throws {
    // The quote after 说: opens, so the one before it closes, and the line's first quote, which
    // its neighbours leave open, closes the quotation the line began inside.
    try expectRepairs([
        ("你快去吧,我不管了,\"他推开门,走了出去,说:\"再见。\"", "你快去吧，我不管了，”他推开门，走了出去，说：“再见。”"),
        ("他说\"好\"就走了,我说\"不\"。", "他说“好”就走了，我说“不”。"),
        // A quote before a closing parenthesis closes.
        ("使用方法\")很长,要看完。", "使用方法”)很长，要看完。"),
        // Speech broken off by a dash ends its quotation there.
        ("你哥哥说比昆明——\"她丈夫急得在桌下踢她。", "你哥哥说比昆明——”她丈夫急得在桌下踢她。"),
        ("我剥给你吃——\"说时把茶几移近床前——\"我今天没坐车,省下车钱。", "我剥给你吃——”说时把茶几移近床前——“我今天没坐车，省下车钱。"),
    ])
}

@Test func aLineCutInsideAQuotationOfLatinWordsClosesItAtItsFirstQuote() throws {
    // No quote's neighbours say which way it faces; the Latin words inside tell: read with the
    // first quote opening, 命令"kill"的 would be 命令”kill“的.
    try expectRepairs([
        ("kill\"命令就可以顯示命令\"kill\"的使用方法,而\"man\"則記錄了。", "kill”命令就可以顯示命令“kill”的使用方法，而“man”則記錄了。"),
        ("9\"命令,後面加上該程序的編號則會立刻殺死它。", "9”命令，後面加上該程序的編號則會立刻殺死它。"),
    ])
    // A Latin word that runs on into a parenthesis of Han is set in Chinese: it tells nothing,
    // and the pair is not turned backwards (Debian Edu's manual).
    try expectRepairs([
        ("最合适你要使用的\"漫游工作站\"prolile(参看上面).要知道所有数据保存在本地",
         "最合适你要使用的“漫游工作站”prolile（参看上面）。要知道所有数据保存在本地"),
    ])
}

@Test func aQuotationWhoseOneQuoteStaysStraightKeepsBothStraight() throws {
    // The closing quote stands beside an ASCII comma that stays (before a date written 8/1), so
    // it stays straight; its opening partner does too, rather than face it as “雾都宾馆".
    try expectRepairs([
        ("我和同事都定了一晚\"雾都宾馆\",8/1下午6点入主,8月2日外出", "我和同事都定了一晚\"雾都宾馆\",8/1下午6点入主，8月2日外出"),
        ("前台打来电话问,:\"可否到您房间再收些押金?\"你将作何感想?", "前台打来电话问,:\"可否到您房间再收些押金？\"你将作何感想？"),
        // A line quoted whole, as a catalog's string is, whose opening quote stands before 「.
        ("\"「台中」正確應該不會被切開。mac上可分出「石墨烯」；此時又可以分出來凱特琳了。\"",
         "\"「台中」正確應該不會被切開。mac上可分出「石墨烯」；此時又可以分出來凱特琳了。\""),
        ("\"台中正確應該不會被切開。\"", "“台中正確應該不會被切開。”"),
    ])
}

@Test func aFieldNameQuotedWithItsColonClosesTheQuotationItOpened() throws {
    // The quote after "Depends:" closes, though a quote after a colon mostly opens: read as
    // opening, it left “Depends:" facing a straight quote (Debian's reference manual).
    let line = "不仅会将其 \"Depends:\" 列表中的软件包选上,\"Recommends:\" 列表中的软件包也会被选上。"
    let text = try RepairFixture.repairer.get().repair(line).text
    #expect(!text.contains("“Depends:\""))
    #expect(text.filter { $0 == "“" }.count == text.filter { $0 == "”" }.count)
    try expectRepairs([("他说:\"走吧\"。", "他说：“走吧”。")])
}

@Test func aQuotedTermDefinedAfterAColonAndASpaceKeepsItsColon() throws {
    // A manual lists a function's arguments so: 「Result」: 含有…, the colon ASCII. In a line
    // folded whole the term's quotes are restored all the same; in a line that writes its marks
    // full-width they stay as written ("q" names a key).
    try expectRepairs([
        ("\"Text\": 含有新驱动器号的任意字符串表达式。如果需要,也可以使用 URL 表示法。",
         "“Text”: 含有新驱动器号的任意字符串表达式。如果需要，也可以使用 URL 表示法。"),
        ("「Result」: 含有除法运算结果的任意数值,通常为整数。", "「Result」: 含有除法运算结果的任意数值，通常为整数。"),
        ("\"q\": 結束記錄輸入的字元。", "\"q\": 結束記錄輸入的字元。"),
        ("他说:你好,我们走吧。", "他说：你好，我们走吧。"),
    ])
}

@Test func aQuotationOfASCIIThatBeginsALineBeforeChineseIsRestored() throws {
    // The line's start stands where a Han character would: a command or an option quoted first
    // ("git pack-redundant"已被提名). A format ("%s") and English after it stay as written.
    try expectRepairs([
        ("\"git pack-redundant\"已被提名準備移除。", "“git pack-redundant”已被提名準備移除。"),
        ("\"-o 頁邊距\"中含有無效的列偏移量", "“-o 頁邊距”中含有無效的列偏移量"),
        ("\"%s\"是无效的值", "\"%s\"是无效的值"),
        ("\"hello world\" is fine", "\"hello world\" is fine"),
    ])
}

@Test func quotesAreNotPairedAcrossCharactersAnEncoderLost() throws {
    // "??" may have been a quotation mark: the quotes on either side of it are not counted off.
    let line = "他把它叫作\"小工具??\"tiny tool\"。"
    #expect(try RepairFixture.repairer.get().repair(line).text == line)
}

@Test func aQuestionMarkThatMayStandForALostCharacterLeavesTheQuotationBesideItRestored() throws {
    // The '?' after the quotation is no question mark for want of a question word, but lost
    // character or not, the quotation of Han around it reads the same.
    #expect(try RepairFixture.repairer.get().repair("\"前面危险\"?到目前为止哪儿都危险。").text == "“前面危险”?到目前为止哪儿都危险。")
}

@Test func aStraightQuoteThatACurlyOnePairsWithIsRestored() throws {
    // A repair may restore one mark of a pair in a folded line (the GBK shift's 」 or ”).
    try expectRepairs([
        ("將檔名開頭的\"/”符號看作檔名的一部分", "將檔名開頭的“/”符號看作檔名的一部分"),
        ("輸入“info info\"以查閱使用 info 程式的一段介紹。", "輸入“info info”以查閱使用 info 程式的一段介紹。"),
        // After 。 a quote mostly closes, but not where the next mark closes.
        ("倒是真實得多。\"請忠於自己所認定的幸福感”,是這本書給我留下印象的唯一一句話。",
         "倒是真實得多。“請忠於自己所認定的幸福感”，是這本書給我留下印象的唯一一句話。"),
    ])
}

@Test func aQuoteAfterAFullStopOpensOnceTheLinesQuotationsAreClosed() throws {
    // After 。 a quote mostly closes, but not where the quotation before it closed already.
    try expectRepairs([
        ("他最愛說\"沒問題\"。\"明天\"再說吧,他總是這樣。", "他最愛說“沒問題”。“明天”再說吧，他總是這樣。"),
        ("書上寫著\"天下為公\"四個字。\"為公\"二字尤其醒目。", "書上寫著“天下為公”四個字。“為公”二字尤其醒目。"),
    ])
}

@Test func straightQuotesInsideCornerQuotesOpenANestedQuotation() throws {
    try expectRepairs([("「我们中国最普遍的\"艺术\"是男人扮女人。」", "「我们中国最普遍的“艺术”是男人扮女人。」")])
}

@Test func aTermQuotedInsideAQuotationOpensItsOwnPair() throws {
    // The quote after 这叫 could close the quotation 说: opened, but the next one surely closes,
    // and two closing marks in a row are never right: the first opens a quoted term.
    try expectRepairs([
        ("他说:\"这叫\"内卷\",懂吗?\"", "他说：“这叫“内卷”，懂吗？”"),
        ("\"你要说\"大娘\".大伯伯,我没说错吧?\"", "“你要说“大娘”。大伯伯，我没说错吧？”"),
        // Two terms in a row: the second's closing quote ends it, not the quotation around both.
        ("還有一條:\"文章見於\"人民日報\"\"光明日報\"等報紙中\",他很得意.", "還有一條：“文章見於“人民日報”“光明日報”等報紙中”，他很得意。"),
        // Inside a quotation of clauses, a few Han characters quoted between Han characters,
        // before a quote that surely closes, are a term, not the speech broken off and resumed.
        ("正如領主所說,\"我們必須讓他們自行解決,然後我們來\"處理\"生還者,並與矮人做個妥協。\"",
         "正如領主所說，“我們必須讓他們自行解決，然後我們來“處理”生還者，並與矮人做個妥協。”"),
        // (Nothing surely closes after 离开: two quotations in turn.)
        ("他说:\"我们走吧,好吗\"然后\"离开\"了", "他说：“我们走吧，好吗”然后“离开”了"),
        ("他把\"天\"叫做\"地\"", "他把“天”叫做“地”"),
    ])
}

@Test func anEmptyQuotationAfterAHanCharacterIsRestoredAsAPair() throws {
    try expectRepairs([
        ("如果檔案引數是\"\",則從標準輸入讀取。", "如果檔案引數是“”，則從標準輸入讀取。"),
        // After a sentence mark, "" closes one quotation and opens the next.
        ("他问:\"你去吗?\"\"我不去。\"", "他问：“你去吗？”“我不去。”"),
    ])
    try expectRepairs(["x = \"\"", "print(\"\")"].map { ($0, $0) })
}

@Test func aQuestionMarkAfterAQuestionByItsFormIsRestored() throws {
    let cases = [
        ("他现在没有更胖罢?他好像比我矮一个头。", "他现在没有更胖罢？他好像比我矮一个头。"),
        ("你留心没有?孙柔嘉脸上一股妖气。", "你留心没有？孙柔嘉脸上一股妖气。"),
        ("这个字是不是你想出来的?我不信。", "这个字是不是你想出来的？我不信。"),
        // Classical Chinese asks with 乎 (and 欤 耶) where modern Chinese asks with 吗.
        ("晉國將有亡釁乎?不然,何以至此。", "晉國將有亡釁乎？不然，何以至此。"),
    ]
    // 一动不动 asks nothing: the '?' may stand for a lost character.
    try expectRepairs(cases + [("他一动不动?在那里站着。", "他一动不动?在那里站着。")])
}

@Test func howLongAndHowMuchAsk() throws {
    try expectRepairs([
        ("恶魔劫走金币多久了?", "恶魔劫走金币多久了？"),
        ("你们对亡灵了解多少?", "你们对亡灵了解多少？"),
        ("这个要多少钱?我买了。", "这个要多少钱？我买了。"),
        // 没多久 is "soon after", and 多少 before what it qualifies exclaims or counts.
        ("他走了没多久?在门口", "他走了没多久?在门口"),
        ("人家多少好?你看看", "人家多少好?你看看"),
    ])
}

@Test func aQuestionWordThatEndsAWordBeforeTheMarkAsks() throws {
    // 难 may begin 难道, whose lost 道 a '?' stands for; in 困难 it ends the word.
    try expectRepairs([
        ("又是谁再一次带你们战胜了重重困难?是我啊。一路走来,是我为大家流血流汗啊。", "又是谁再一次带你们战胜了重重困难？是我啊。一路走来，是我为大家流血流汗啊。"),
        ("这是什么地方?谁能说清楚,谁又在乎什?地方。", "这是什么地方？谁能说清楚，谁又在乎什?地方。"),
    ])
}

@Test func classicalQuestionsAreQuestionsEvenSeveralToALine() throws {
    // 焉能 and 乎哉 ask; a line of dialogue asks question after question, and those '?' are not
    // taken for characters an encoder lost.
    try expectRepairs([
        ("大叔曰:\"吉不能亢身,焉能亢宗?彼,國政也,非私難也。\"", "大叔曰：“吉不能亢身，焉能亢宗？彼，國政也，非私難也。”"),
        ("善敗由己,而由人乎哉?《詩》曰:\"豈不夙夜。\"", "善敗由己，而由人乎哉？《詩》曰：“豈不夙夜。”"),
        ("吉不能保護自身,哪裏能保護一族?他的事情屬於國家,誰能管他?誰又敢說?", "吉不能保護自身，哪裏能保護一族？他的事情屬於國家，誰能管他？誰又敢說？"),
        // 心不在焉 asks nothing.
        ("他心不在焉?聽了半天。", "他心不在焉?聽了半天。"),
    ])
}

@Test func marksBesideANumberInsideChineseAreRestored() throws {
    try expectRepairs([
        ("记者从国家民委获悉,2000年是\"九五\"最后一年。", "记者从国家民委获悉，2000年是“九五”最后一年。"),
        ("比上年同期增长39.4％,其中出口43亿美元。", "比上年同期增长39.4％，其中出口43亿美元。"),
        ("我作为出版社\"2000人文学者南极行\"活动的成员。", "我作为出版社“2000人文学者南极行”活动的成员。"),
    ])
    // A bare number before the mark, format specifiers and escapes keep their ASCII.
    try expectRepairs(["<参数1,参数2>...", "警告：%s 主版本%s,服务器主版本为%s.", "你还没有输入密语!%0A空密语是不行的.",
                       "水平?23％下降到17％。"].map { ($0, $0) })
    // A line may begin with the ％ (once read past its start), which is Chinese as a full-width
    // form.
    try expectRepairs([("％,其中出口43亿美元,增长很快。", "％，其中出口43亿美元，增长很快。")])
}

/// Checks that each line comes back as it was, every fix it reports being a lost character.
private func expectLeftAsLostCharacters(_ lines: [String]) throws {
    let repairer = try RepairFixture.repairer.get()
    for line in lines {
        let (text, fixes) = repairer.repair(line)
        #expect(text == line)
        #expect(fixes.allSatisfy { $0.diagnosis == .lostCharacters }, "\(line)")
    }
}

/// Expects each line to be repaired to its expected text.
private func expectRepairs(_ cases: [(line: String, expected: String)]) throws {
    for (line, expected) in cases {
        #expect(try RepairFixture.repairer.get().repair(line).text == expected, "\(line)")
    }
}

@Test func fullStopsTypedAsASCIIInALineShownFoldedAreRestored() throws {
    try expectRepairs([
        // Shown folded by its other marks: every full stop, also before a space, a quote, 《 or
        // the line's end, and after a percentage.
        ("书的质量很差,味道也很大.看一会就眼睛疼", "书的质量很差，味道也很大。看一会就眼睛疼"),
        ("没见过这么垃圾的. 其实只需要买一本就够了,其余的就是排列组合.", "没见过这么垃圾的。 其实只需要买一本就够了，其余的就是排列组合。"),
        ("他说:\"今天下雨.\"你呢?", "他说：“今天下雨。”你呢？"),
        ("無善人,則國從之.《詩》曰:‘人之云亡.’", "無善人，則國從之。《詩》曰：‘人之云亡。’"),
        ("同比增長41.5％,進口31億美元,增長38.0％.", "同比增長41.5％，進口31億美元，增長38.0％。"),
        // Before a number written full-width.
        ("传遍张家口地震灾区乡村.１月２４日,北京军区送往灾区的春联已张贴.", "传遍张家口地震灾区乡村。１月２４日，北京军区送往灾区的春联已张贴。"),
        ("我们等了很久(真的很久.)然后走了,好累.", "我们等了很久（真的很久。）然后走了，好累。"),
        // A typed full stop beside a parenthesis counts as Chinese there, also where the line
        // cut its partner off.
        ("中圆括号需要被转义(例如,使用反斜线).也可以把\"l 字符串\"作为指定整数.", "中圆括号需要被转义（例如，使用反斜线）。也可以把“l 字符串”作为指定整数。"),
        ("等级的路由器可能仍然使用不安全的架构,但这总比没有好.)", "等级的路由器可能仍然使用不安全的架构，但这总比没有好。）"),
        // In a line folded whole, a sentence may end before a Latin word or an option.
        ("在 SQL 标准里,模式的所有者总是拥有其中的所有对象. PostgreSQL 允许.", "在 SQL 标准里，模式的所有者总是拥有其中的所有对象。 PostgreSQL 允许。"),
        // Shown folded by its quotation marks alone; a quote after a typed full stop closes.
        ("学国文的人出洋\"深造\"听来有些滑稽.", "学国文的人出洋“深造”听来有些滑稽。"),
        ("那件花綢的旗袍還可以穿.\"", "那件花綢的旗袍還可以穿。”"),
        ("无成,死之.\"二子惧,皆辞.", "无成，死之。”二子惧，皆辞。"),
    ])
    // Not beside a digit, a letter or another '.', not in a line that writes 。, and not in a
    // line nothing else shows folded.
    try expectRepairs([
        ("版本是3.5版,很好用.", "版本是3.5版，很好用。"),
        ("客服忙忙忙......怀疑是虚设的,真差.", "客服忙忙忙......怀疑是虚设的，真差。"),
        ("请打开README.md文件,然后运行a.out.", "请打开README.md文件，然后运行a.out."),
        ("今天下雨。明天,晴.", "今天下雨。明天，晴."),
        ("这些话在父母的耳朵里是听不厌的.", "这些话在父母的耳朵里是听不厌的."),
    ])
}

@Test func aLineThatEndsAfterAParticleOfSpeechTypedItsMarksAsASCII() throws {
    // 了, 吧, 呢 end a sentence that speaks (已经倒下了.): its '.' is a typed 。, and so are the
    // line's other marks.
    try expectRepairs([
        ("两名亡灵首领已经倒下了.", "两名亡灵首领已经倒下了。"),
        ("在宁夏来说这个酒店应该是算好的一个酒店了吧.", "在宁夏来说这个酒店应该是算好的一个酒店了吧。"),
        ("主戰場?我還以爲這裏就是前線呢.", "主戰場？我還以爲這裏就是前線呢。"),
    ])
    // A statement ends its line with '.' in technical text as often (显示其他选项.); a line that
    // writes a full-width mark typed its '.' as its writer chose; a particle is no Latin word.
    try expectRepairs([
        ("显示其他选项.", "显示其他选项."),
        ("地理位置对出差的人士来说还是很方便的，好找啊.", "地理位置对出差的人士来说还是很方便的，好找啊."),
        ("運行 make 之後就好了 a.", "運行 make 之後就好了 a."),
    ])
}

@Test func aTypedFullStopMayEndASentenceOnALatinWordOrANumber() throws {
    // In a line shown folded, after a Latin word set in Chinese (before Han or the line's end),
    // after a number at the line's end, and before a capitalized word.
    try expectRepairs([
        ("格偏高,服务一般.窗外风景ok.早餐还不错", "格偏高，服务一般。窗外风景ok。早餐还不错"),
        ("空列表代表服务器当前的布局将不改动,并且不使用 IBus.", "空列表代表服务器当前的布局将不改动，并且不使用 IBus。"),
        ("日买的时候赶上活动,便宜200.", "日买的时候赶上活动，便宜200。"),
        ("大寫鍵,扮演 Shift 附鎖定.Shift「暫停」大寫鍵", "大寫鍵，扮演 Shift 附鎖定。Shift「暫停」大寫鍵"),
        // The next sentence may begin with a number and its unit.
        ("房型不对,折腾半天才搞清楚.17日同事退房时,前台说没有记录.", "房型不对，折腾半天才搞清楚。17日同事退房时，前台说没有记录。"),
    ])
    // Not a list's number before Han, an extension, a version, or a line nothing shows folded.
    try expectRepairs([
        ("沒有寫歷史的本事1.朱元璋的人生中,劉基跟胡惟庸", "沒有寫歷史的本事1.朱元璋的人生中，劉基跟胡惟庸"),
        ("优点:一.Windows很好用,二.价格便宜", "优点：一.Windows很好用，二.价格便宜"),
        ("保存后,请打开配置文件.txt", "保存后，请打开配置文件.txt"),
        ("升级到版本 3.5.", "升级到版本 3.5."),
        ("早餐还行,价格是3.5元.", "早餐还行，价格是3.5元。"),
        ("服务一般,网速太慢.3g也一般", "服务一般，网速太慢.3g也一般"),
        ("无法设定 WARC 文件位置.", "无法设定 WARC 文件位置."),
        // Nor the dot of a domain name whose top level is Chinese, as the public suffix list
        // writes them; a sentence that goes on after the same word is still one.
        ("公司.香港", "公司.香港"),
        ("网址是 百度.中国/news,欢迎访问", "网址是 百度.中国/news，欢迎访问"),
        ("我去了香港.中国真大", "我去了香港。中国真大"),
    ])
}

@Test func aFullStopTypedBetweenTwoCharactersShowsTheLineFolded() throws {
    // Chinese writes no '.' between two characters: such a line typed its marks in ASCII,
    // its quotations of paths included.
    try expectRepairs([
        ("此目錄不再使用了.它應指向目錄", "此目錄不再使用了。它應指向目錄"),
        ("大堂太让人失望了.房间也很小.下次不会再住了.", "大堂太让人失望了。房间也很小。下次不会再住了。"),
        ("top 命令的輸出就大概明白了.我認爲\"/proc\" 是新手訓練的最佳場合", "top 命令的輸出就大概明白了。我認爲“/proc” 是新手訓練的最佳場合"),
    ])
    // A list's number keeps its '.', which stood for 、 or nothing; so do an address, a
    // notation (table.column), a foreign name (for ·), a line that writes 。 or another mark
    // full-width, and a '.' with a space after it or at the line's end.
    try expectRepairs([
        ("访问 http://百度.中国/新闻 获取详情", "访问 http://百度.中国/新闻 获取详情"),
        ("指定OWNED BY 表.列 or OWNED BY NONE.", "指定OWNED BY 表.列 or OWNED BY NONE."),
        ("请用 文件名.扩展名 的格式", "请用 文件名.扩展名 的格式"),
        ("马丁.路德.金的演讲很有名", "马丁.路德.金的演讲很有名"),
        ("比爾.蓋茨說,他很好.", "比爾.蓋茨說，他很好。"),
        ("不热心发一些试读的.就帮忙推荐http://book.qq.com/5/work.shtml", "不热心发一些试读的。就帮忙推荐http://book.qq.com/5/work.shtml"),
        ("一.房间外面是中央空调外机的声音.无法入睡", "一.房间外面是中央空调外机的声音。无法入睡"),
        ("不满意的地方:第二.九江好象没有五星级酒店,感觉很不贴心.", "不满意的地方：第二.九江好象没有五星级酒店，感觉很不贴心。"),
        ("對以上兩者相同對待.此值為預設選項。", "對以上兩者相同對待.此值為預設選項。"),
        ("UART，以防止接收時溢位.這是非常重要的", "UART，以防止接收時溢位.這是非常重要的"),
        ("手艺. 在Perl和", "手艺. 在Perl和"),
        ("系统调用来访问内核套接字的网络系统控制信息.", "系统调用来访问内核套接字的网络系统控制信息."),
        // A line that is only Chinese words joined by dots names a field.
        ("数据库.表格.公司", "数据库.表格.公司"),
    ])
    // A line whose other marks were typed in ASCII ends a sentence there even between short
    // words set off by spaces: a notation is not written amid folded commas.
    try expectRepairs([
        ("在 Debian Edu 中,所有分区是在逻辑 LVM 卷上.从 Linux 内核 2.6.10 以来,可以扩展分区.",
         "在 Debian Edu 中，所有分区是在逻辑 LVM 卷上。从 Linux 内核 2.6.10 以来，可以扩展分区。"),
    ])
}

@Test func aLineQuotingWithCornerBracketsTypedItsFullStopsAsASCII() throws {
    // 「 」 come from a Chinese input method only; a sentence after them that ends in '.' typed
    // its full stop in ASCII, also where nothing else in the line was folded.
    try expectRepairs([
        ("使用「info bash」來獲得關於 shell 的更多一般性資訊.", "使用「info bash」來獲得關於 shell 的更多一般性資訊。"),
        ("「u」只在使用「r」選項的時候才有意義.", "「u」只在使用「r」選項的時候才有意義。"),
        // Also after an ASCII parenthesis that closes Chinese.
        ("進行點選動作的方向 (「左」、「右」、「上」、「下」).", "進行點選動作的方向 (「左」、「右」、「上」、「下」)。"),
    ])
    // Not with a bracket alone (mojibake makes one: 閫夐」), not after a Latin word, not in a
    // line that writes 。 or ， (the style of the line's writer, who typed the '.': a notation
    // such as 「檔案編號.域」 is left as it stands, also once repaired), and not in Japanese.
    try expectRepairs([
        ("执行时使用--auth-host选项」.", "执行时使用--auth-host选项」."),
        ("格式是由逗號所分隔的描述，其形式為「檔案編號.域」或者", "格式是由逗號所分隔的描述，其形式為「檔案編號.域」或者"),
        ("他說「好的」，然後就走了.我也走了.", "他說「好的」，然後就走了.我也走了."),
        ("請參閱「README」檔案 foo.", "請參閱「README」檔案 foo."),
        ("請參閱「README」檔案。然後重新開機.", "請參閱「README」檔案。然後重新開機."),
        ("「ファイル」を開く設定.", "「ファイル」を開く設定."),
    ])
}

@Test func straightQuotesBecomeCornerQuotesOnRequest() throws {
    let repairer = try RepairFixture.cornerQuotes.get()
    #expect(repairer.repair("他說:\"我們走吧。\"").text == "他說：「我們走吧。」")
    // As Taiwan's and Hong Kong's catalogs quote values, commands and marks.
    #expect(repairer.repair("如設定為\"true\",除了在時鐘內顯示時間外還顯示週數。").text == "如設定為「true」，除了在時鐘內顯示時間外還顯示週數。")
    #expect(repairer.repair("嘗試\"ldd --help\"以獲得更多資訊。").text == "嘗試「ldd --help」以獲得更多資訊。")
    #expect(repairer.repair("大寫鍵使用內部大寫.Shift\"暫停\"大寫鍵").text == "大寫鍵使用內部大寫。Shift「暫停」大寫鍵")
}

@Test func asciiThatBelongsToEnglishNumbersCodeAndURLsStays() throws {
    for line in [
        "GPT-3.5的价格是3.5元, 比GPT-4便宜。",
        "访问https://example.com/search?q=中文&page=1,2查看结果。",
        "print(\"你好\")  # 输出问候",
        "{\"name\": \"张三\", \"city\": \"北京\"}",
        "参考 Python (一种语言) 的文档: docs.python.org",
        "价格从1,000元涨到1,200元。",
        // A quotation neither begins with a closing mark nor ends with an opening one.
        "fd1代表DOS的 \"B：\"），Y 表示驱动器字母。",
        // A quotation of a colon spaced off from Han, in a line that writes its marks
        // full-width, is the program's.
        "把從管道過來，用 \":\"分隔的第三行提取出來",
    ] {
        let (text, fixes) = try RepairFixture.repairer.get().repair(line)
        #expect(text == line, "\(line)")
        #expect(fixes.allSatisfy { !$0.changesText }, "\(line)")
    }
}

@Test func sourceCodeKeepsTheASCIIMarksOfItsStringsAndComments() throws {
    // The marks around Chinese in a string literal or a comment are the program's as typed.
    try expectRepairs([
        "print(\"你好,世界\")",
        "alert('操作成功!');",
        "throw new Error(\"参数错误:\" + name);",
        "msg = f\"用户{name}登录成功!\"",
        "const tip = '删除失败,请重试'",
        "if label.text == \"确定?\" {",
        "// 获取用户信息(带缓存)",
        "# 设置参数:默认值为空",
        "x = load(path)  // 读取配置(可选)",
        "rm -rf build  # 清理(可选)",
        "SELECT name FROM t; -- 查询用户,按时间排序",
        "int a = 0; /* 计数器,初始为0 */",
        "{\"msg\":\"成功\",\"data\":{\"用户\":\"张三\"}}",
        "zh_CN: \"确定\", \"取消\"",
        "<button title=\"保存(Ctrl+S)\">保存</button>",
        "<meta name=\"description\" content=\"新闻,评论(每日更新)\">",
        "echo \"安装完成!\"",
        "git commit -m \"修复崩溃;更新文档\"",
        "SELECT * FROM users WHERE city = '北京,上海';",
        "app.title=用户管理(后台)",
        "Keywords[zh_CN]=Text;editor;文本;编辑器;",
        "description: 获取用户,返回列表",
        "    let quotes = r#\"然后我说：\"无处可逃！\"\"#;",
        "    ::msgcat::mcset zh_cn \"&Directory:\" \"&目录：\"",
        "Description-zh_CN.UTF-8: 你想现在升级 glibc 么?",
        "% 上午;下午",
        "    .label = 目前密碼:",
        "  \"，陞\": \"，升\",",
        "    \"他说：”我最爱的运动是打蓝球“\",",
        "#说明:以:作为输入行的结束符",
        " * 1.main函数(在一个项目只能有一个,是程序执行入口)",
        "\t\t* 创建一个对象:用于读取",
        "     * 返回成功(缓存)",
        "    \"\"\"数字时钟\"\"\"",
        "  let g:menutrans_fileformat_dialog = \"选择文件的保存格式:\"",
        "$this->title = \"后台管理,请先登录\"",
        "menutrans Existence\\ -\\ file 存在\\ -\\ 文件(非空)",
        // Data a program wrote: a log record, a row of CSV fields, a list of strings.
        "2024-01-01 12:00:00,123 INFO 用户登录成功,耗时35ms",
        "2024/01/01 12:00:00 [main] ERROR 获取用户失败,请重试",
        "\"张三\",\"北京\",\"工程师\"",
        "\"张三\", \"北京\", '25'",
        "name,城市,年龄",
        "张三,北京,25",
        "2023-05-01 12:30:45,北京,晴,25",
        "[\"苹果\",\"香蕉\",\"橙子\"]",
        "    ('北京', '上海'),",
        "接收到 3 个参数：[\"1\"、\"2\"、\"3\"]",
        "\"KW-P02-16\";\"中文\"",
        // A program's list of choices or categories (LibreOffice's and Evolution's catalogs).
        "标准;文本;日期 (日月年);日期 (月日年);美国英语;隐藏",
        "不明;文字;數字;日期/時間;日期;時間;是/否;貨幣",
        "纪念,生日,商务,通讯,客人,竞争,客户,收藏,跟进,礼物,法定假日",
        "for keyword in (\"水果小姐\",\"你\",\"first\",\"中文\",\"交换机\",\"交换\"):",
        // A keyword argument given a dictionary, a string subscript (akshare's code).
        "    big_df.rename(columns={\"发行价(元)\": \"发行价\"}, inplace=True)",
        "    big_df[\"其中:外贸货物吞吐量\"] = pd.to_numeric(",
        // Dotted keys, as pkuseg's feature files write them.
        "8.cc1.们.艺 477718",
        "7.c-1c.男.的 166988",
        // A character a decoder lost does not hide the code around it.
        "print(\u{FFFD}\"你好,世界\")",
        "descripti\u{FFFD}on: 获取用户,返回列表",
    ].map { ($0, $0) })
    // Its mojibake is still repaired, and prose that ends a clause with a parenthesis and ';'
    // is still prose.
    try expectRepairs([
        (try misread("print(\"你好,世界\")", readAs: .gbk), "print(\"你好,世界\")"),
        ("还用LCD;发热量比较大(作图时);", "还用LCD；发热量比较大（作图时）；"),
        ("我在网上订了房间,sha256//没问题,很满意!", "我在网上订了房间，sha256//没问题，很满意！"),
        ("mode= 形式表示只读,也可以省略.", "mode= 形式表示只读，也可以省略。"),
        ("价格 -- 很贵,真的", "价格 -- 很贵，真的"),
        // A prose comment restores its own marks, not one beside a quote it does not restore.
        ("%#v 用Go的语法打印,例如:main.People{name:\"sam\",phone:main.Phone{mobile:\"12345\"}}",
         "%#v 用Go的语法打印，例如:main.People{name:\"sam\",phone:main.Phone{mobile:\"12345\"}}"),
        // A chat's export dates its lines but names no level; two quotations are no row.
        ("2024-01-01 12:00:00 张三:你好,在吗?", "2024-01-01 12:00:00 张三：你好，在吗？"),
        ("\"你好\",\"谢谢\"", "“你好”，“谢谢”"),
        ("例如(\"北京\",\"上海\")都是大城市", "例如（“北京”，“上海”）都是大城市"),
        ("我用了Python.它很好,真的", "我用了Python。它很好，真的"),
        ("参数[\"1\",\"2\"]都可以,没问题", "参数[\"1\",\"2\"]都可以，没问题"),
        // Clauses are longer than a row's fields, or none of them is ASCII.
        ("他今年25岁,住在北京,是个老师", "他今年25岁，住在北京，是个老师"),
        ("离市区远,价格200,服务一般", "离市区远，价格200，服务一般"),
        ("苹果,香蕉,橙子", "苹果，香蕉，橙子"),
        // A few short clauses, as a review writes them, or clauses longer than a list's words.
        ("还成,不错,还成,不错,物有所值", "还成，不错，还成，不错，物有所值"),
        ("房间小,早餐差,服务一般,前台冷淡,隔音差,停车难,网速慢,不会再来了",
         "房间小，早餐差，服务一般，前台冷淡，隔音差，停车难，网速慢，不会再来了"),
        // The text between tags is prose; the attributes inside them are not.
        ("<p title=\"注:新版\">这是一个段落,包含逗号</p>", "<p title=\"注:新版\">这是一个段落，包含逗号</p>"),
        ("\"你好,再见\"", "“你好，再见”"),
        // A hashtag closes, and Markdown's items begin at the margin or set in evenly.
        ("#春节#回家了,很开心!", "#春节#回家了，很开心！"),
        ("* 实现协议方法(两个方法)", "* 实现协议方法（两个方法）"),
        ("  * 实现协议方法(两个方法)", "  * 实现协议方法（两个方法）"),
    ])
}

@Test func aReferenceCitedAsGBT7714KeepsTheStandardsASCIIMarks() throws {
    try expectRepairs([
        "刘知远,孙茂松.知识表示学习研究进展[J].计算机研究与发展,2016,53(2):247-261.",
        "王五.自然语言处理导论[M].北京:清华大学出版社,2018:45-50.",
        "国家统计局.统计公报[EB/OL].(2021-02-28)[2021-03-01].",
    ].map { ($0, $0) })
    // A bracket that names no document type is no reference.
    try expectRepairs([("他在书中[第三章]写道,中文分词很重要.", "他在书中[第三章]写道，中文分词很重要。")])
}

@Test func fullWidthLettersAndDigitsAreChineseBesideAFoldedMark() throws {
    // The People's Daily writes its numbers and Latin words full-width (１９９７年, ＣＥＲＮＥＴ):
    // only CJK text types them, so the marks beside them are Chinese.
    try expectRepairs([
        ("展的前景是光明的,２１世纪将是充满", "展的前景是光明的，２１世纪将是充满"),
        ("目前已超过６０％,科技对农业的贡献份额占５０％;去年", "目前已超过６０％，科技对农业的贡献份额占５０％；去年"),
        ("分别为２．２％和２．９％,１９６９年分别为", "分别为２．２％和２．９％，１９６９年分别为"),
        ("育与科研计算机网(ＣＥＲＮＥＴ)已连接了２００多所", "育与科研计算机网（ＣＥＲＮＥＴ）已连接了２００多所"),
        ("查获\"蛇头\"１０余人。", "查获“蛇头”１０余人。"),
        ("(Ａ、Ｂ)", "（Ａ、Ｂ）"),
        // Pairs side by side, and a pair after a mark.
        ("世纪之声(中国画)(张彦)", "世纪之声（中国画）（张彦）"),
        ("谢谢!(新华社北京１２月３１日电)", "谢谢！（新华社北京１２月３１日电）"),
        // A question before a number, and circled or parenthesized numbers.
        ("钱从哪里来?１９９３年,鄂州", "钱从哪里来？１９９３年，鄂州"),
        ("图①:春节前夕,各地广", "图①：春节前夕，各地广"),
        ("先进模范近如何⑵(附图片１张)", "先进模范近如何⑵（附图片１张）"),
    ])
    // Between two of them a mark is a number's or a time's; ASCII letters are no such sign.
    try expectRepairs([
        "共计１,０００元",
        "时间是１２:３０分",
        "ＡＢＣ,ＤＥＦ",
        "f(x)(y)",
    ].map { ($0, $0) })
}

@Test func aMarkAfterAnEmojiIsTheChineseClausesBeforeIt() throws {
    try expectRepairs([
        ("今天很开心😀,明天见!", "今天很开心😀，明天见！"),
        ("好吃😋!下次还来", "好吃😋！下次还来"),
        // (With its variation selector, and a family joined by zero-width joiners.)
        ("我爱你❤️,你爱我吗?", "我爱你❤️，你爱我吗？"),
        ("周末和👨‍👩‍👧‍👦,一起去公园", "周末和👨‍👩‍👧‍👦，一起去公园"),
    ])
    try expectRepairs(["I love it😀, really", "👨‍👩‍👧‍👦,家庭"].map { ($0, $0) })
}

@Test func aChineseQuotationInAnEnglishSentenceKeepsEnglishMarks() throws {
    try expectRepairs([
        "In Chinese, “谢谢!” means thank you.",
        "The sign read \"禁止吸烟!\" in red letters.",
        "\"你好吗?\" she asked. \"我很好,\" he replied.",
        "“Hello,” she said, “你好!”",
        "He wrote \"我不知道.\" and left.",
    ].map { ($0, $0) })
    // Framed in Chinese, the same quotation is Chinese.
    try expectRepairs([("他说:\"我很好!\"然后走了.", "他说：“我很好！”然后走了。")])
}

@Test func aQuestionMarkStandingForALostCharacterIsReportedNotRestored() throws {
    // zuozhuan.txt writes characters its encoder lacked as '?': "子?在" is a name.
    let line = "陈国辕涛涂、秦国小子?在翟泉结盟。"
    let (text, fixes) = try RepairFixture.repairer.get().repair(line)
    #expect(text == line)
    #expect(fixes.map(\.diagnosis) == [.lostCharacters])
    #expect(fixes[0].before == "?")
}

@Test func aQuestionMarkInsideAForeignNameIsTheLostMiddleDot() throws {
    // GB 2312 has no U+00B7: encoded with substitution, 皮埃罗·法西诺 loses its dot to '?'. The
    // clause's question word (为什么), or one inside a book's title (怎样), asks nothing there.
    for line in ["为什么意大利外交部国务秘书皮埃罗?法西诺会以这样的口气回击德国。",
                 "我至今还能记住《钢铁是怎样炼成的》一书中保尔?柯察金说的那段话：人的一生应该这样度过。"] {
        let (text, fixes) = try RepairFixture.repairer.get().repair(line)
        #expect(text == line)
        #expect(fixes.map(\.diagnosis) == [.lostCharacters], "\(line)")
    }
    // A title before a question particle leaves the question its mark.
    try expectRepairs([("你看过《红楼梦》吗?我没看过。", "你看过《红楼梦》吗？我没看过。")])
}

@Test func traditionalTextWrittenToGB2312KeepsEveryQuestionMarkItsEncoderWrote() throws {
    // A '?' before ，；： is a lost character (folding would have folded the mark too, and none
    // follows a question), so the line's other '?' are too: the last is no question mark, and
    // none begins a one-byte shift (名?；? read as a shift gave 。��).
    try expectLeftAsLostCharacters(["不完整的主?名?；?以「/」?尾", "比?「value-pattern」的值?，使用字串相等比?"])
    // A line with no other mark ends in a question only where its clause asks one; one that
    // types ， or 。 typed its final '?' too.
    try expectRepairs([
        ("排除 FILE 中所列出的胚?", "排除 FILE 中所列出的胚?"),
        ("你明天去哪里?", "你明天去哪里？"),
        ("散热一般。。。用了一会就发烫了?", "散热一般。。。用了一会就发烫了？"),
        ("屏幕不错,用了一会就发烫了?", "屏幕不错，用了一会就发烫了？"),
    ])
}

@Test func aQuestionMarkBesideAChineseMarkOrAtTheLineStartIsReportedAsALostCharacter() throws {
    // A question mark neither begins a clause nor comes before another mark.
    let repairer = try RepairFixture.repairer.get()
    for (line, lost) in [("不腆先君之適，以備內官，?耀寡人之望，則又無祿。", 1), ("孟武伯?：“子路仁乎？”子曰：“不知也。”", 1),
                         ("?起於天而行於土上，?就是山。", 2)] {
        let (text, fixes) = repairer.repair(line)
        #expect(text == line)
        #expect(fixes.map(\.diagnosis) == Array(repeating: .lostCharacters, count: lost), "\(line)")
    }
}

@Test func simplifiedAndTraditionalTextWrittenToGB2312KeepsQuestionMarksBeforeClosingMarksSignsAndAfterALostFirstCharacter() throws {
    // Real lines squeezed through GB 2312: a '?' before a closing quote or title mark in a line
    // that types full-width marks ends no question unless its clause asks; one before a
    // full-width sign ends none where the sentence goes on (多?－1℃, 多云 lost its 云); and a
    // line that begins with a '?' before a character lost characters, so all its '?' did. 是否
    // asks of what follows it: a '?' after it where the sentence goes on is a lost character.
    try expectLeftAsLostCharacters(["天子穿着素服，自称“不?”，这是合于礼的。", "有《采繁》、《采?》，《大雅》有《行苇》、《?酌》这些诗篇。",
                                    "是否?示 『不一致』??", "西安多?－1℃／6℃", "?何要把增加?民收入?在突出位置", "拉?多?－6℃／9℃"])
    // A clause that asks keeps its question mark before the closing quote, and a line that types
    // no full-width mark restores it there.
    try expectRepairs([
        ("他问：“你去哪里?”", "他问：“你去哪里？”"),
        ("他说\"真的?\"就走了", "他说“真的？”就走了"),
    ])
}

@Test func aQuestionWordInAnEarlierItemOfAListAsksNothingOfALaterOne() throws {
    // 、 ends a list item: 何鲁丽 is a name, and the '?' after 司马义 is GB 2312's lost middle dot.
    let line = "布赫、铁木尔?达瓦买提、吴阶平、何鲁丽、司马义?艾买提、王忠禹出席。"
    #expect(try RepairFixture.repairer.get().repair(line).text == line)
}

@Test func aStraightQuoteClosesNothingAfterACurlyQuotationClosedInALineTypedFullWidth() throws {
    // A Traditional message written to GB 2312: its “ came out as ”, and the straight quote after
    // the option is as it was given. A straight pair in the same line is still restored.
    let line = "?於?工作?，追加 <??>（??值：”-dirty\"）"
    #expect(try RepairFixture.repairer.get().repair(line).text == line)
    try expectRepairs([("他说：“好的”，然后又说\"再见\"。", "他说：“好的”，然后又说“再见”。")])
}

@Test func twoStraightQuotesAfterASCIIInALineTypedFullWidthAreALiteral() throws {
    // A gettext message that lost characters to an encoder: msgid "" is the catalog's syntax.
    let line = "--omit-header           不写��带有“msgid \"\"”项的文件头���"
    #expect(try RepairFixture.repairer.get().repair(line).text == line)
}

@Test func aLineThatWritesItsQuestionMarksFullWidthKeepsItsOtherQuestionMarksAsLostCharacters() throws {
    // Folding would have folded every ？; a '?' beside 何 here stands for a character.
    for line in ["?意??：“何不到?侯那?去？”", "?曰：“夫狡焉思?封疆以利社稷者，何?蔑有？"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

@Test func japaneseAndKoreanKeepTheirOwnPunctuation() throws {
    for line in ["すごい!本当に?", "東京(とうきょう)に行きます。", "파이썬(Python)은 배우기 쉽고,강력합니다!"] {
        #expect(try RepairFixture.repairer.get().repair(line).text == line)
    }
}

@Test func smileysEndingAClauseInALineFoldedWholeAreRestored() throws {
    try expectRepairs([
        ("环境相当不错,早上转了转,意外收获:)早餐比上次好很多", "环境相当不错，早上转了转，意外收获：）早餐比上次好很多"),
        ("卫生间也小的可怜,脸上直搓球:( 由于我们到达的时间", "卫生间也小的可怜，脸上直搓球：（ 由于我们到达的时间"),
    ])
    // Where the line writes its marks full-width, or after Latin text, a smiley is the writer's.
    try expectRepairs([
        ("环境相当不错，意外收获:)早餐比上次好很多", "环境相当不错，意外收获:)早餐比上次好很多"),
        ("环境相当不错,值得推荐 hack :)", "环境相当不错，值得推荐 hack :)"),
    ])
}

@Test func aQuotationOfChineseSpacedOffFromChineseIsRestored() throws {
    try expectRepairs([
        ("此 target 用于第 6.2 节 \"自动编译系统\" 描述的过程中。", "此 target 用于第 6.2 节 “自动编译系统” 描述的过程中。"),
        ("第 2.7.13 节 \"移植一个软件包到 stable 系统\" 理解基本的移植过程", "第 2.7.13 节 “移植一个软件包到 stable 系统” 理解基本的移植过程"),
        ("用户定义的命令就被叫做 \"宏\"", "用户定义的命令就被叫做 “宏”"),
        // (It may end with a Chinese sentence's mark.)
        ("他向他們大喊：\"牢牢地抓住你們的希望，你們將獲得自由！\" 然後，他離開了。", "他向他們大喊：“牢牢地抓住你們的希望，你們將獲得自由！” 然後，他離開了。"),
        ("書上如此寫道： \"死靈法師得要在他臨死之前完成必要的咒語。\"", "書上如此寫道： “死靈法師得要在他臨死之前完成必要的咒語。”"),
    ])
    // Not where English stands outside it, nor a quotation that begins or ends with Latin text.
    try expectRepairs([
        ("Such MTA must cope with \"历史邮件服务端期望\".", "Such MTA must cope with \"历史邮件服务端期望\"."),
        ("另外除非指定了 w 选项，否则 \"s[字符]\"", "另外除非指定了 w 选项，否则 \"s[字符]\""),
        ("使用 dpkg 将软件包设置为 hold（相当于 \"aptitude hold 包名\" ）", "使用 dpkg 将软件包设置为 hold（相当于 \"aptitude hold 包名\" ）"),
    ])
}

@Test func aQuotationOfHanOnlyWithChineseNearestOutsideIsRestored() throws {
    try expectRepairs([
        ("GNOME3 桌面:\"设置\" → \"系统\" → \"详细信息\"", "GNOME3 桌面：“设置” → “系统” → “详细信息”"),
        ("must cope with 第 6.2.2 节 \"现代邮件服务限制\" and 第 6.2.3 节 \"历史邮件服务端期望\"",
         "must cope with 第 6.2.2 节 “现代邮件服务限制” and 第 6.2.3 节 “历史邮件服务端期望”"),
    ])
    // Not English quoting Chinese, nor Han that stands between two quotations (by count): 和
    // is outside them, and they are quotations of dots.
    try expectRepairs([
        ("He said \"你好\", and \"再见\".", "He said \"你好\", and \"再见\"."),
        ("除了\"..\"和\".\"", "除了“..”和“.”"),
    ])
}

@Test func aParenthesisPairThatHanTouchesFromOutsideIsRestoredInAnyLine() throws {
    try expectRepairs([
        ("從 shell 指令碼中顯示使用者友好的對話方塊(newt)", "從 shell 指令碼中顯示使用者友好的對話方塊（newt）"),
        ("可讀(r)權限允許所有者檢查文件的內容。", "可讀（r）權限允許所有者檢查文件的內容。"),
        ("从互联网的 SMTP 端口(25)连接到主机", "从互联网的 SMTP 端口（25）连接到主机"),
    ])
    // Not a call after a Latin word, a list's number in a line that shows no folding, or a face.
    try expectRepairs(["调用f(x)的结果", "以 latin1(iso-8859-1)編碼儲存", "(1)内存有点小。", "能够带给她们快乐( ⊙ o ⊙ )啊！"].map { ($0, $0) })
}

@Test func aGlossAfterASpacedLatinTermAndACommaAfterAManualReferenceAreRestored() throws {
    try expectRepairs([
        ("shell 脚本能够被改进用来制作一个吸引人的 GUI(图形用户界面)程序。", "shell 脚本能够被改进用来制作一个吸引人的 GUI（图形用户界面）程序。"),
        ("透過下列命令,執行帶 -X 選項的 ssh(1),建立與遠端站點的連線。", "透過下列命令，執行帶 -X 選項的 ssh(1)，建立與遠端站點的連線。"),
        ("你可以将 du(8) 的输出传输给 xdu(1x),来使用它的图形交互式演示,例如", "你可以将 du(8) 的输出传输给 xdu(1x)，来使用它的图形交互式演示，例如"),
    ])
    // A spaced term keeps its ASCII gloss where the gloss is not Chinese through, or stands
    // apart (代理 (MUA)); a reference's comma stays in a line that shows no folding.
    try expectRepairs([
        ("选择 GUI(图形界面 v2)程序。", "选择 GUI(图形界面 v2)程序。"),
        ("邮件用户代理 (MUA) 是一个程序。", "邮件用户代理 (MUA) 是一个程序。"),
        ("参见 ssh(1),建立连线。", "参见 ssh(1),建立连线。"),
    ])
}

@Test func anASCIIMarkBetweenFullWidthMarksOfALineTypedFullWidthIsTheWriters() throws {
    // Debian's reference manual writes this comma so: nothing folded the line.
    try expectRepairs([
        ("在采纳了来自 Josip Rodin 的建议之后（Josip Rodin 在Debian 文档项目（DDP）中非常活跃）,“Debian 参考手册（第一版，2001-2007）”成为了 DDP 文档的一员。",
         "在采纳了来自 Josip Rodin 的建议之后（Josip Rodin 在Debian 文档项目（DDP）中非常活跃）,“Debian 参考手册（第一版，2001-2007）”成为了 DDP 文档的一员。"),
    ])
    // Beside a character it is still restored, and in a line folded whole between marks too.
    try expectRepairs([
        ("他来了（真的）,我很高兴。", "他来了（真的），我很高兴。"),
        ("他说:\"你好!\",然后走了。", "他说：“你好！”，然后走了。"),
    ])
}

@Test func inALineFoldedWholeAPairHoldingAQuotedPathAndACommaAfterASpacedTokenAreRestored() throws {
    try expectRepairs([
        ("如果你有一个空的分区(例如 \"/dev/sdx\"),你可以使用 mkfs.ext4(1) 将它格式化,并使用 mount(8) 将它挂载。",
         "如果你有一个空的分区（例如 “/dev/sdx”），你可以使用 mkfs.ext4(1) 将它格式化，并使用 mount(8) 将它挂载。"),
        ("你就可以建立一个软件包 hello-sh-1.0.tar.gz ,而且这会是一个非常好的开端,请看", "你就可以建立一个软件包 hello-sh-1.0.tar.gz ，而且这会是一个非常好的开端，请看"),
        // A quotation in single curly quotes holds code as a straight one does, and '/' after
        // a Chinese beginning writes an address or a fraction (KiCad's and Debian Edu's manuals).
        ("如果组总线具有名称,则其中句点(‘.’)和花括号(‘{}’)将前缀与信号名称分开。",
         "如果组总线具有名称，则其中句点（‘.’）和花括号（‘{}’）将前缀与信号名称分开。"),
        ("可以安装一台主服务器,但重新启动后将不能访问互联网(由于主网络接口 IP 10.0.2.2/8)。",
         "可以安装一台主服务器，但重新启动后将不能访问互联网（由于主网络接口 IP 10.0.2.2/8）。"),
    ])
    // Code in the pair itself keeps it ASCII (the comma after it is still the sentence's), and
    // a line that shows no folding keeps its comma.
    try expectRepairs([
        ("设置变量(例如 a=b 和 \"/dev/sdx\"),你可以使用它,然后", "设置变量(例如 a=b 和 “/dev/sdx”)，你可以使用它，然后"),
        ("建立软件包 hello-sh-1.0.tar.gz ,而且这会是好的开端。", "建立软件包 hello-sh-1.0.tar.gz ,而且这会是好的开端。"),
    ])
}

@Test func aLatinGlossThatHanTouchesOnBothSidesIsRestored() throws {
    try expectRepairs([
        ("來限制核心的安全警告金鑰(SAK)功能。", "來限制核心的安全警告金鑰（SAK）功能。"),
        ("在旁边假日酒店(Holiday Inn)的后门，发现一家酒店", "在旁边假日酒店（Holiday Inn）的后门，发现一家酒店"),
    ])
    // Spaced off, at the line's end or holding more than a Latin phrase, it stays.
    try expectRepairs([
        ("邮件用户代理 (MUA) 是一个程序。", "邮件用户代理 (MUA) 是一个程序。"),
        ("文件(F)", "文件(F)"),
        ("运行程序(a=b)然后", "运行程序(a=b)然后"),
    ])
    // In a line folded whole, so is a gloss of a quotation, and a comma after it or after a call.
    try expectRepairs([
        ("将标准输入重定向到下面的命令行,直到遇到\"delimiter\"(here document)", "将标准输入重定向到下面的命令行，直到遇到“delimiter”（here document）"),
        ("有人叫她\"熟食铺子\"(charcuterie),因为只有熟食店会把肉公开陈列", "有人叫她“熟食铺子”（charcuterie），因为只有熟食店会把肉公开陈列"),
        ("请注意,除了 =SUM(A1:B1),还可以写成 =A1+B1。", "请注意，除了 =SUM(A1:B1)，还可以写成 =A1+B1。"),
    ])
    // After 」, which the manuals that quote so follow with ASCII parentheses, it stays; so it
    // does after a quote restored as 」.
    try expectRepairs([
        ("使「企业内容管理」(ECM) 系统具有互通性,以及", "使「企业内容管理」(ECM) 系统具有互通性，以及"),
    ])
    #expect(try RepairFixture.cornerQuotes.get().repair("伺服器不支援\"等待完成\"(wait-for-done),功能").text
            == "伺服器不支援「等待完成」(wait-for-done)，功能")
}

@Test func aHyphenatedWordBetweenTwoCommasInChineseTakesChineseCommas() throws {
    try expectRepairs([
        ("可以先通过删除旧的令人讨厌的软件包,old-package,来解决这类错误的安装问题.", "可以先通过删除旧的令人讨厌的软件包，old-package，来解决这类错误的安装问题。"),
    ])
    // A bare number between commas is not a word set in Chinese (双早,858,多花).
    try expectRepairs([
        ("两人住，双早,858,多花190元", "两人住，双早,858,多花190元"),
    ])
}

@Test func aPairHoldingAManualReferenceIsRestoredAroundIt() throws {
    try expectRepairs([
        ("此外,和類似的選項(參見 dpkg(1))只適用於高手。", "此外，和類似的選項（參見 dpkg(1)）只適用於高手。"),
        ("因此其它程序(例如reportbug(1))可以調用它,然后", "因此其它程序（例如reportbug(1)）可以調用它，然后"),
    ])
    // Not around a call that is no reference.
    try expectRepairs([
        ("此外,和類似的選項(參見 main(argc))只適用於高手。", "此外，和類似的選項(參見 main(argc))只適用於高手。"),
    ])
}

@Test func aLineThatEndsItsLastSentenceTheEnglishWayKeepsItsFullStops() throws {
    // Debian's manual pages index: clean, and the '.' between Han characters is as written.
    try expectRepairs([
        ("*.service 描述由 systemd 控制和监管的进程.参见 systemd.service(5).", "*.service 描述由 systemd 控制和监管的进程.参见 systemd.service(5)."),
    ])
    // After a Han character the line's last '.' still shows nothing English.
    try expectRepairs([
        ("此目錄不再使用了.它應指向目錄.", "此目錄不再使用了。它應指向目錄。"),
    ])
}

@Test func marksTypedWithASpaceAfterEachAsEnglishIsTypedAreRestoredWithoutTheSpace() throws {
    // A writer who learned to type English sets a space after every mark; a Chinese mark holds
    // its own space.
    try expectRepairs([
        ("花钱去买, 不值得, 建议要买的人三思", "花钱去买，不值得，建议要买的人三思"),
        ("已经把剩余的全部金币放进了精灵金库. 你会以预设的数量开始下一幕场景.", "已经把剩余的全部金币放进了精灵金库。你会以预设的数量开始下一幕场景。"),
        ("但如果我們無法擊敗這軍隊, 我們該如何攻擊首領?!", "但如果我們無法擊敗這軍隊，我們該如何攻擊首領？！"),
        ("黑眼之子永遠不會\"逃跑\". 但是\"戰略撤退\"又是另外一碼事了.", "黑眼之子永遠不會“逃跑”。但是“戰略撤退”又是另外一碼事了。"),
        // (困难? is no 难道 that lost its 道: a space ends the word.)
        ("又是谁再一次带你们战胜了重重困难? 是我啊. 一路走来, 是我为大家流血流汗啊.", "又是谁再一次带你们战胜了重重困难？是我啊。一路走来，是我为大家流血流汗啊。"),
        ("取得圣火红宝石 (用哈德里克王子), 然后回家. 好吗?", "取得圣火红宝石（用哈德里克王子），然后回家。好吗？"),
        // A quotation may open after the space, or close before it.
        ("他说, \"好的.\" 我们就走了.", "他说，“好的。”我们就走了。"),
        ("他说: \"我们走吧.\" 然后他走了.", "他说：“我们走吧。”然后他走了。"),
        ("林拿回的书上如是写道. \"死灵术之咒语能够让灵魂解放, 但只有在灵魂脱离肉体之后才行.\"", "林拿回的书上如是写道。“死灵术之咒语能够让灵魂解放，但只有在灵魂脱离肉体之后才行。”"),
        // The space after a mark that follows the dash, or a run of marks, goes too.
        ("——! 沒有蘭達爾我們無法前進!", "——！沒有蘭達爾我們無法前進！"),
        ("不——?! 这不可能!", "不——？！这不可能！"),
        // (One set apart by spaces on both sides stays so.)
        ("下面的示例显示了未选中 \"放置引脚名称\" 选项的符号. 注意名称和引脚号的位置.", "下面的示例显示了未选中 “放置引脚名称” 选项的符号。注意名称和引脚号的位置。"),
        // One comma so is enough in a line that writes no 。: English sets none between Han.
        ("移动马林·凯沙或达肯·沃克, 通过西北方通往金库的通道", "移动马林·凯沙或达肯·沃克，通过西北方通往金库的通道"),
        ("非常糟糕的服务态度, 隔音非常差 即使是在高层", "非常糟糕的服务态度，隔音非常差 即使是在高层"),
    ])
    // Spaces on both sides of a mark are set on purpose; a line that types some marks with no
    // space after them (manuals that set one after 。 only), or whose only such mark is ':'
    // (网格厚度: 控制), keeps its spaces; one such mark alone, a '.' without a typed mark at
    // the line's end or a ',' in a line that writes 。, shows nothing.
    try expectRepairs([
        ("2008年7月2日 : 我在网上订房时, 发现价格太贵, 不值.", "2008年7月2日 ： 我在网上订房时，发现价格太贵，不值。"),
        ("加到别名定义中. 在这个例子中,我们定义了一个别名.", "加到别名定义中。 在这个例子中，我们定义了一个别名。"),
        ("网格厚度: 控制网格线或网格点的粗细.", "网格厚度: 控制网格线或网格点的粗细."),
        ("C library 拿到 Python 的環境中測試及整合. 其中最主要也是我們所", "C library 拿到 Python 的環境中測試及整合. 其中最主要也是我們所"),
        ("房间不错。早餐一般, 下次再来", "房间不错。早餐一般, 下次再来"),
        ("Wow!! 我们到了", "Wow!! 我们到了"),
    ])
}

@Test func aMarkAfterTheDashThatBreaksSpeechOffIsTheSentences() throws {
    // Chinese breaks speech off with ——, then goes on with a mark, as after ……; English sets
    // no mark between a dash and Chinese.
    try expectRepairs([
        ("不——!沒有蘭達爾我們無法前進!", "不——！沒有蘭達爾我們無法前進！"),
        ("他说——,我们走吧", "他说——，我们走吧"),
    ])
}

@Test func aMarkBesideItsOwnFullWidthFormIsLeftAsTyped() throws {
    // Restored, it would stand twice (痊癒，，而且); the writer typed the full-width one too.
    try expectLeftAlone(["沒關係，我現在已經痊癒,，而且做好了戰鬥準備。", "精靈們知道南方的大森林，,也曾多次在那裏的小徑上行走。"])
    // Alone, it is restored.
    #expect(try RepairFixture.repairer.get().repair("他说,好的").text == "他说，好的")
}
