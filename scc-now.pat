(?<![\p{L}\p{N}’'])(?:(?<=^While\s|^Although\s|^Though\s|^Whereas\s|^When\s|^After\s|^Before\s|^Because\s|^Since\s|^If\s|^Once\s|^Even\sthough\s)(?<subord_>))?
(?<speaker>(?:(?:(?J)(?(DEFINE)(?<npw_>(?!(?:(?:(?:s(?:o(?:metimes)?|h(?:ould|e)|ince|till|a(?:id|y(?:s)?))|a(?:l(?:though|ready|ways|so)|fter|gain|n(?:d)?|re|s|t)?|b(?:e(?:cause|fore|en)?|ut|y)|h(?:owever|a(?:ve|d|s)|e(?:r)?|i(?:m|s))|i(?:n(?:stead|to)?|t(?:s)?|f|s)|perhaps|w(?:h(?:e(?:ther|re|n)|i(?:ch|le)|o(?:se)?|at)|ould|e(?:re)?|i(?:ll|th)|as)|d(?:uring|o(?:es)?|id)|t(?:h(?:o(?:ugh|se)|e(?:ir|se|m|n|y)?|a(?:n|t)|is)|o(?:ld|o)?)|u(?:n(?:less|til)|pon)|c(?:ould|an)|l(?:ater|ike)|m(?:ight|ust|ay)|n(?:ever|o(?:r|t|w)?)|o(?:f(?:ten)?|n(?:ce)?|r)|eve(?:n|r)|f(?:rom|or)|just|v(?:ery|ia)|y(?:et|ou))))\b)(?!(?!(?:ally|allies|family|assembly|rally|supply|monopoly)\b)\p{Ll}+ly\b)\p{Ll}[\p{L}\p{M}\-’']*+)(?<npm_>(?:(?&npw_)|(?!(?:The|A|An|In|On|At|But|And|Or|If|As|After|When|While|However|Asked|According|It|He|She|They|We|I|This|That)\b)\p{Lu}[\p{L}\p{M}\-’'.]*+|\d[\d,.]*+(?:-\p{L}+)?))(?<rolew_>(?:(?:(?:v(?:ice(?:\-presidential)?|eteran)|c(?:o(?:mm(?:unications|issioner|e(?:ntator|rce)|ander)|n(?:gress(?:woman|man)|sultant|tender)|rrespondent|un(?:cil(?:woman|lor|man)|sel)|l(?:umnist|onel)|\-chair|ach)|h(?:a(?:ir(?:person|woman|man)?|llenger)|ief)|a(?:ndidate|mpaign|ptain)|lerk)|r(?:e(?:p(?:resentative|orter)|searcher|gional|tired)|unning|abbi)|s(?:u(?:p(?:erintendent|porter)|r(?:rogate|geon))|pokes(?:person|woman|man)|t(?:rategist|ate)|e(?:c(?:retary|urity)|rgeant|n(?:ator|ior))|cholar|heriff)|a(?:ss(?:embly(?:woman|man)|istant)|mbassador|cti(?:vist|ng)|lderman|ttorney|d(?:miral|vis(?:er|or))|n(?:alyst|chor)|u(?:ditor|thor)|ide|rmy)|f(?:ront(?:\-runner|runner)|o(?:r(?:eign|mer)|under)|ellow)|i(?:n(?:telligence|cumbent|spector|vestor)|mam)|p(?:r(?:es(?:ident(?:ial)?|s)|o(?:secutor|fessor|ducer)|iest)|hysician|ol(?:lster|ic(?:e|y))|a(?:rt(?:ner|y)|stor))|d(?:e(?:p(?:artment|uty)|veloper|fender|legate)|irector|octor)|l(?:e(?:gislator|ader)|ieutenant|aw(?:maker|yer)|o(?:ngtime|cal))|n(?:egotiator|a(?:tional|vy)|ominee|urse)|e(?:conomist|x(?:ecutive|pert)|ditor|nvoy)|h(?:istorian|o(?:peful|st)|ead)|o(?:rgani(?:ser|zer)|ffic(?:ial|er)|wner)|t(?:r(?:easurer|ustee|ade)|eacher|hen|op)|g(?:overnor|eneral)|m(?:i(?:litary|nist(?:er|ry))|a(?:nager|yor|te)|ember)|ju(?:stice|dge)|bishop|writer|union)))\b)(?<titlew_>(?:(?:(?!(?:(?:(?:A(?:ccording|l(?:though|so)|dding|fter|s(?:ked)?|nd|t)|F(?:o(?:llowing|r)|rom)|Meanwhile|Ye(?:sterday|t)|B(?:e(?:cause|sides|fore)|ut|y)|Despite|E(?:arlier|ven)|H(?:owever|ere)|I(?:n(?:stead|deed)?|f)|P(?:erhaps|lus)|W(?:h(?:e(?:ther|n)|ile)|ith(?:out)?)|T(?:h(?:ough|e(?:re|n))|oday)|Un(?:less|til)|La(?:ter|st)|S(?:ince|till|o)|Just|O(?:n(?:ce|ly)?|r)|No(?:t|w))))\s)(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
)|(?:(?&rolew_)
)|(?:(?&npw_)
)(?=[\s-]+(?:(?&rolew_)
)\s))(?:’s|'s)?(?:\s+|-)
))(?<apposp_>(?:(?:(?:a|an|the|who|whose|which|its|his|her|their|one|two|both|part|now|then|also|once|himself|herself|itself|of|another)\s+
  |(?:(?&rolew_)
)[\s-]+|\p{Lu}[\p{L}’'.-]*+\s*|\d{1,3}(?=\s*,))
(?:(?!'')[^,;:“”"()—–]){0,200}?
))(?<circp_>(?:(?:at|during|on|in|before|after|speaking|writing|appearing|dedicating|addressing|visiting|campaigning|summing|\p{Ll}{3,}ing)\s+
(?:(?!'')[^,;:“”"()—–]){0,200}?
))(?<apposs_>(?:(?:and|but|or|who\s+(?:\p{Ll}+ly\s+)?(?:said|says|told|added|argued|emphasi[sz]ed|noted|insisted|warned|stressed)(?![^,;“”"]*,\s*(?:also\s+)?(?:said|says|told|added)\b)|while|after|when|according|adding|saying|noting|explaining|arguing|referring|citing|pointing|speaking\s+(?:on|in)\s+(?:condition|an\s+interview)|however|in\s+(?:a|an|his|her|its|their)\s+(?:statement|interview|speech|email|letter|post)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b
))(?<propnp_>(?:(?:(?:[Tt]he|[Ff]ormer|[Aa]cting|[Tt]hen-?)\s+)?
(?:(?:(?:(?&npw_)
)\s+){1,2}(?=(?:(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
)\s+){0,3}(?:(?&rolew_)
)\s))?
(?:(?&titlew_)
){0,7}?
(?:[*_]{0,2}(?!(?:(?:(?:F(?:urthermore|o(?:llowing|r)|r(?:iday|om))|I(?:n(?:\s+addition|stead|deed)?|t(?:s)?|f)?|S(?:eparately|aturday|unday|ince|till|he|o)|A(?:ccording|l(?:though|so)|dding|fter|s(?:ked)?|n(?:d)?|t)?|M(?:eanwhile|o(?:reover|nday)|y)|W(?:e(?:dnesday)?|ith(?:out)?|h(?:e(?:re|n)|ile))|Y(?:e(?:sterday|t)|our)|T(?:h(?:ursday|o(?:ugh|se)|e(?:ir|re|se|n|y)?|at|is)|uesday|o(?:day)?)|B(?:e(?:cause|sides|fore)|ut|y)|Despite|E(?:arlier|ven)|H(?:owever|e(?:r(?:e)?)?|is)|Perhaps|La(?:ter|st)|Un(?:der|til)|Just|O(?:n(?:ly)?|ver|ur|f|r)|No(?:t|w))))\b)(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
)
(?:\s+(?:(?:de|del|der|van|von|da|di|al|bin|le|la|du|of|for|on)\s+(?:the\s+)?)?(?!(?:(?:(?:Wednesday|S(?:aturday|unday)|T(?:hursday|uesday)|Friday|Monday)))\b)(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
))*[*_]{0,2}
)
)))
)(?:(?:(?=(?&propnp_))(?=[^;:"“”]{1,150}?\sand\s)(?>(?&propnp_)(?:\s*\([^()]{1,40}\))?(?:\s*,\s*(?&propnp_)(?:\s*\([^()]{1,40}\))?){0,4})\s*,?\s+and\s+(?&propnp_)(?:\s*\([^()]{1,40}\))?(?:\s+(?:both|all)\b)?
)|(?&propnp_)|(?:(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Tt]his(?=\s+\p{Ll})|[Tt]hat(?=\s+\p{Ll})|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]ost|[Bb]oth|[Ee]ach|[Ee]very|[Nn]o|[Ff]ew|[Mm]ore|[Aa]ll|[Aa]\s+few|[Aa]\s+number\s+of|[Aa]\s+majority\s+of|[Aa]\s+handful\s+of|[Aa]\s+group\s+of|[Aa]\s+pair\s+of)\s+
   (?:(?:(?&npm_)
)\s+){0,5}?(?:(?!(?!(?:ruling|filing|briefing|polling|reporting|ranking|king)\b)\p{Ll}+ing\b)(?:(?&npw_)
)|(?:(?:(?:Independent(?:s)?|Libertarian(?:s)?|Republican(?:s)?|Democrat(?:s)?|Tor(?:ies|y))))\b)
 | \p{Lu}[\p{L}\-.]*+(?:\s+\p{Lu}[\p{L}\-.]*+){0,3}(?:’s|'s|’|')\s+(?:(?:(?&npm_)
)\s+){0,3}?(?:(?&npw_)
)
 | (?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Oo]nly|[Jj]ust|[Mm]ore\s+than|[Ll]ess\s+than|[Ff]ewer\s+than|[Oo]ver|[Uu]nder)\s+)?
   (?:\d[\d,.]*|[Hh]alf|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Aa]\s+third|[Aa]\s+quarter|[Tt]wo-thirds|[Tt]hree-quarters|[Mm]ost|[Mm]any|[Ss]ome)
   (?:\s+(?:in|out\s+of)\s+(?:\d+|ten|five|four|three))?(?:\s+percent|\s*%)?(?:\s+of)?(?:\s+(?:the|those|all|them))?(?:\s+(?:(?&npm_)
)){0,4}?(?=\s)
 | (?:(?:(?&npm_)
)\s+){0,2}?(?:(?:(?:p(?:rosecution|ol(?:ling|ice))|leadership|m(?:anagement|ilitary|edia)|research|staff)))(?=\s)
 | (?:(?:(?&npm_)
)\s+){0,3}?(?=(?:(?&npw_)
))(?!(?:perhaps|always|sometimes|nevertheless|afterwards|towards|news|whereas|besides|thus|yes|us)\b)\p{Ll}[\p{L}\-]*[^s\W]s
)\b
(?:\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on|involved\s+in|at|in|from|for|of|with)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:(?:(?&npm_)
)\s+){0,3}?(?:(?&npm_)
))??
)|(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)
)\b)(?:\s*\([^()]{1,40}\))?
))(?:(?:\s*,\s*(?!which\b|(?:(?&apposs_)
))
(?:(?<role>(?&apposp_)(?:\s*,\s*(?!(?:(?&apposs_)
))(?&apposp_)){0,2}?)\s*,\s*(?:(?!(?:(?&apposs_)
))(?&circp_)\s*,\s*)?
  |(?!(?:(?&apposs_)
))(?&circp_)\s*,\s*)
)|\s+)(?:(?:(?:has|have|had|will|would|could|also|later|then|previously|recently|again|further|once|repeatedly|frequently|often|publicly|privately|separately|earlier|quickly|long|since|first|last|already|never|even|now|subsequently|initially|flatly|directly|explicitly|similarly|likewise|still|\p{Ll}{2,}ly|(?:(?:(?:on\s+|last\s+|this\s+|late\s+|early\s+)?(?:(?:Wednesday|S(?:aturday|unday)|T(?:hursday|uesday)|Friday|Monday))(?:\s+(?:morning|afternoon|evening|night))?
 |(?:last|this|earlier\s+this|late\s+last)\s+(?:week|month|year|weekend)
 |yesterday|today|tonight|earlier|later|recently
 |on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:,\s+\d{4})?)
)
   |(?:is|are|was|were)(?=\s+\p{Ll}+ing\b))\s+)*
)
(?<![’']s\s|\d\s)(?<cue>(?:(?:(?:did|does|do|has|have|had|would|could|will)\s+not(?:\s+\p{Ll}+ly)?\s+|(?:didn't|doesn't|don't|hasn't|haven't|won't|wouldn't|couldn't|didn’t|doesn’t|hasn’t|won’t)\s+(?:\p{Ll}+ly\s+)?|(?:declined|refused|failed)\s+to\s+)
)(?:(?:(?:provide\s+details|elaborate|s(?:pec(?:ulate|ify)|ay)|disc(?:lose|uss)|identify|a(?:ddress|nswer)|co(?:mment|nfirm)|re(?:spond|veal))))|(?:(?:(?:did|does|do|has|have|had|would|could|will)\s+not(?:\s+\p{Ll}+ly)?\s+|(?:didn't|doesn't|don't|hasn't|haven't|won't|wouldn't|couldn't|didn’t|doesn’t|hasn’t|won’t)\s+(?:\p{Ll}+ly\s+)?|(?:declined|refused|failed)\s+to\s+)
)?(?:(?:w(?:ent\s+on\s+to\s+say|arn(?:ed|s)|r(?:ite(?:s)?|ote))|a(?:cknowledge(?:d|s)?|n(?:nounce(?:d|s)?|swered)|d(?:mit(?:ted|s)|d(?:ed|s))|s(?:sert(?:ed|s)|k(?:ed|s)?)|llege(?:d|s)|rgue(?:d|s)?)|point(?:ed\s+out|s\s+out)|made\s+clear|c(?:autioned|o(?:mmented|n(?:firm(?:ed|s)?|tend(?:ed|s)|cede(?:d|s))|unter(?:ed|s))|laim(?:ing|ed|s)|hanted)|e(?:xplain(?:ed|s)|choed)|re(?:spond(?:ed|s)|marked|p(?:ort(?:ed|s)|eats|lied)|veals)|s(?:uggest(?:ed|s)|houted|a(?:y(?:ing|s)?|id)|tated)|t(?:e(?:stified|ll(?:s)?)|weet(?:ed|s)|old)|de(?:clare(?:d|s)|n(?:ie(?:d|s)|y))|insist(?:ed|s)|note(?:d|s))))\b(?!(?<=asked|asks|ask)\s+for\b)
(?!(?<=reported|reports)\s+(?:by|from)\b)(?!(?<=said|says|say)\s+(?:nothing|little)\b)
(?!(?<=not\ssaid|n't\ssaid|n’t\ssaid)(?:\s+\p{Ll}+ly)?\s+(?:what|whether|how|when|why|which|who|if)\b)
(?!(?<=claims|reports|claim|report)(?:\s+(?:of|about|as|on|against|for|from|by|were|are|have|had|and|or|in|to\s+be|that\s+(?:are|were|have|had|could|would))\b|\s*[,.;:)]))
(?:(?<=told|tell|tells|telling|asked|asks|warned|assured|informed|reminded)\s+(?<recipient>(?:(?:(?:the\s+)?(?:[*_]{0,2}(?!(?:(?:(?:F(?:urthermore|o(?:llowing|r)|r(?:iday|om))|I(?:n(?:\s+addition|stead|deed)?|t(?:s)?|f)?|S(?:eparately|aturday|unday|ince|till|he|o)|A(?:ccording|l(?:though|so)|dding|fter|s(?:ked)?|n(?:d)?|t)?|M(?:eanwhile|o(?:reover|nday)|y)|W(?:e(?:dnesday)?|ith(?:out)?|h(?:e(?:re|n)|ile))|Y(?:e(?:sterday|t)|our)|T(?:h(?:ursday|o(?:ugh|se)|e(?:ir|re|se|n|y)?|at|is)|uesday|o(?:day)?)|B(?:e(?:cause|sides|fore)|ut|y)|Despite|E(?:arlier|ven)|H(?:owever|e(?:r(?:e)?)?|is)|Perhaps|La(?:ter|st)|Un(?:der|til)|Just|O(?:n(?:ly)?|ver|ur|f|r)|No(?:t|w))))\b)(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
)
(?:\s+(?:(?:de|del|der|van|von|da|di|al|bin|le|la|du|of|for|on)\s+(?:the\s+)?)?(?!(?:(?:(?:Wednesday|S(?:aturday|unday)|T(?:hursday|uesday)|Friday|Monday)))\b)(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
))*[*_]{0,2}
)|(?:reporters|journalists|supporters|him|her|them|me|us|the\s+press|the\s+media|lawmakers|the\s+crowd|a\s+crowd|a\s+rally|the\s+audience|an\s+audience|voters|investors|analysts|students|listeners|viewers|attendees|CNN|Fox|MSNBC))
)))?(?:(?:\s*,?\s+(?:(?:on|in|at|during|via|through|over)\s+(?:(?:(?:a(?:\s+(?:r(?:egular\s+(?:press\s+conference|briefing)|a(?:dio\s+interview|lly))|t(?:elevision\s+interview|weet)|call\s+with\s+reporters|s(?:ocial\s+media\s+post|tatement|peech)|written\s+statement|p(?:ress\s+(?:conference|briefing|release)|hone\s+interview|ost)|joint\s+statement|news\s+conference|briefing|hearing|debate|letter)|n\s+(?:interview|email))|T(?:ruth\s+Social|elegram|witter|ikTok)|social\s+media|Instagram|Facebook|YouTube|remarks|We(?:Chat|ibo)|X)))(?:\s+(?:with|to|on|at|for)\s+(?:the\s+)?(?:[*_]{0,2}(?!(?:(?:(?:F(?:urthermore|o(?:llowing|r)|r(?:iday|om))|I(?:n(?:\s+addition|stead|deed)?|t(?:s)?|f)?|S(?:eparately|aturday|unday|ince|till|he|o)|A(?:ccording|l(?:though|so)|dding|fter|s(?:ked)?|n(?:d)?|t)?|M(?:eanwhile|o(?:reover|nday)|y)|W(?:e(?:dnesday)?|ith(?:out)?|h(?:e(?:re|n)|ile))|Y(?:e(?:sterday|t)|our)|T(?:h(?:ursday|o(?:ugh|se)|e(?:ir|re|se|n|y)?|at|is)|uesday|o(?:day)?)|B(?:e(?:cause|sides|fore)|ut|y)|Despite|E(?:arlier|ven)|H(?:owever|e(?:r(?:e)?)?|is)|Perhaps|La(?:ter|st)|Un(?:der|til)|Just|O(?:n(?:ly)?|ver|ur|f|r)|No(?:t|w))))\b)(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
)
(?:\s+(?:(?:de|del|der|van|von|da|di|al|bin|le|la|du|of|for|on)\s+(?:the\s+)?)?(?!(?:(?:(?:Wednesday|S(?:aturday|unday)|T(?:hursday|uesday)|Friday|Monday)))\b)(?:(?: \p{Lu}\.(?:\p{Lu}\.)+
  | (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|Jr|Sr|St|Maj|Capt|Adm)\.
  | \p{Lu}\.(?=\s+\p{Lu})
  | \p{Lu}[\p{L}\p{M}'’\-]*(?<![’'])
)
))*[*_]{0,2}
))?|(?:(?:(?:on\s+|last\s+|this\s+|late\s+|early\s+)?(?:(?:Wednesday|S(?:aturday|unday)|T(?:hursday|uesday)|Friday|Monday))(?:\s+(?:morning|afternoon|evening|night))?
 |(?:last|this|earlier\s+this|late\s+last)\s+(?:week|month|year|weekend)
 |yesterday|today|tonight|earlier|later|recently
 |on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:,\s+\d{4})?)
)|to\s+(?:reporters|journalists|supporters|the\s+press|the\s+media)))*+
)
(?:\s*,)?(?:\s+that\b|\s*:|\s+(?=["“]))?\s*
(?<content>(?![.!?]?\s*$)\S.*?)(?:(?(subord_)(?=,\s)|(*FAIL))|(?:(?=\s*(?:[.!?](?:''|["”’])?\s*$|$|;|\s[—–]+\s|\s-{1,2}\s|,(?:''|["”’])?\s*(?:but|while|although|though|whereas|according\s+to|adding|saying|noting|arguing|citing|even\s+as|referring\s+to|who|whose|which)\b
  |,\s*(?:calling|telling|insisting|warning|urging|describing|explaining|claiming|suggesting|pointing\s+(?:out|to)|acknowledging|accusing|asking|vowing|promising|stressing|emphasi[sz]ing|recalling|praising|blaming|criticizing|however|compared\s+(?:with|to))\b
  |,\s*and\s+(?:has|have|had)\s+(?!been\b)\p{Ll}+ed\b|\s+when\s+asked\b
  |,\s*(?:after|as|when|because|since|before)\s+(?:he|she|they|we|I)\s|,\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:said|says|told|added|suggested|argued|noted|wrote|insisted|replied|responded|countered|shot\s+back)\b
  |,\s*(?:(?:a|one|two|three|several|\d+)\s+(?:days?|hours?|weeks?|months?)|(?:shortly|soon|hours|days|weeks|just|moments))\s+(?:after|before)\b|,?\s+(?:but|and)\s+(?:he|she|they|also|then|later|said|says|added|adds|called|urged|told|insisted|warned|noted|declined|refused|would\s+not|encouraged|accused|vowed|pledged|promised|criticized|cited|argued|asked)\b
  |(?<=\p{Ll}{2})[.!?]\s+(?:''|["“]|(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That|His|Her|Their|Its)\s)))
))
