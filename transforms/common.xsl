<?xml version="1.0" encoding="UTF-8"?>
<!-- tei-edition common module: what each TEI element of a transcript edition means, defined once.
     Format stylesheets import this module and override only what their format needs (named hooks and, for
     HTML, the inline templates). XSLT 1.0, run by lxml with file and network access denied.

     Conventions shared by every edition:
     - The source's words are printed as the source printed them: remarks with their own brackets
       (rend="parentheses" or "brackets") and wording (desc).
     - What the edition adds (supplied speaker labels, note markers, lacunae) is set in ⟦white brackets⟧ in
       the text formats and marked class="editorial" in HTML, so readers, and the fidelity check, can tell
       the source's words from ours. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-tei-edition:functions"
                xmlns:func="http://exslt.org/functions" xmlns:exsl="http://exslt.org/common"
                extension-element-prefixes="func" exclude-result-prefixes="t f func exsl">

  <!-- Whitespace-only text is dropped only in elements that hold no words of their own (tei/anytei.py reads
       this list too). -->
  <xsl:strip-space elements="t:TEI t:teiHeader t:text t:listPerson
                             t:particDesc t:profileDesc t:fileDesc t:titleStmt
                             t:sourceDesc t:langUsage t:settingDesc t:publicationStmt
                             t:availability t:notesStmt t:encodingDesc t:respStmt"/>

  <xsl:variable name="ED_OPEN" select="'&#x27E6;'"/>
  <xsl:variable name="ED_CLOSE" select="'&#x27E7;'"/>
  <xsl:variable name="header" select="/t:TEI/t:teiHeader"/>

  <!-- ===== metadata ======================================================================================= -->
  <xsl:template name="title">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:titleStmt/t:title[1])"/>
  </xsl:template>

  <xsl:template name="date-iso">
    <xsl:value-of select="$header/t:fileDesc/t:sourceDesc/t:bibl/t:date[@when][not(@type)][1]/@when"/>
  </xsl:template>

  <xsl:template name="date-printed">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:sourceDesc/t:bibl/t:date[@when][not(@type)][1])"/>
  </xsl:template>

  <!-- One date format for every edition: an ISO date (YYYY-MM-DD…) as "January 21, 2016"; anything else as is. -->
  <xsl:template name="date-long">
    <xsl:param name="iso"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($iso, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="substring($iso, 5, 1) = '-' and substring($iso, 8, 1) = '-' and $m &gt;= 1 and $m &lt;= 12 and $d &gt;= 1 and $d &lt;= 31">
        <xsl:value-of select="concat(normalize-space(substring('January  February March    April    May      June     July     August   SeptemberOctober  November December ', ($m - 1) * 9 + 1, 9)),
                                     ' ', $d, ', ', substring($iso, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="principal">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:titleStmt/t:author[1])"/>
  </xsl:template>

  <xsl:template name="speakers">
    <xsl:for-each select="$header/t:profileDesc/t:particDesc//t:person">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="normalize-space(t:persName)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="source-url">
    <xsl:value-of select="$header/t:fileDesc/t:sourceDesc/t:bibl/t:ref/@target"/>
  </xsl:template>

  <xsl:template name="place">
    <xsl:value-of select="normalize-space(($header/t:profileDesc/t:settingDesc/t:setting/t:placeName |
                                           $header/t:fileDesc/t:sourceDesc/t:bibl/t:pubPlace)[1])"/>
  </xsl:template>

  <xsl:template name="publisher">
    <xsl:value-of select="normalize-space($header/t:fileDesc/t:sourceDesc/t:bibl/t:publisher)"/>
  </xsl:template>

  <xsl:template name="language-name">
    <xsl:param name="code"/>
    <xsl:variable name="name" select="$header/t:profileDesc/t:langUsage/t:language[@ident = $code]"/>
    <xsl:choose>
      <xsl:when test="$name"><xsl:value-of select="normalize-space($name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="participant-name">
    <xsl:param name="who"/>
    <xsl:variable name="p" select="$header/t:profileDesc/t:particDesc//*[concat('#', @xml:id) = $who]"/>
    <xsl:value-of select="normalize-space(($p/t:persName | $p/t:name)[1])"/>
  </xsl:template>

  <!-- ===== turns ========================================================================================== -->
  <!-- The label as printed, or the supplied one in editorial brackets. -->
  <xsl:template name="label">
    <xsl:param name="sp" select="."/>
    <xsl:choose>
      <xsl:when test="$sp/t:speaker/t:supplied">
        <xsl:value-of select="concat($ED_OPEN, normalize-space($sp/t:speaker), $ED_CLOSE)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($sp/t:speaker)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Footnotes: notes in the body that are not the source's inline remarks. Numbered in document order.
       (A note in <front> is a line the source printed, such as the archive disclaimer.) -->
  <xsl:template name="note-number">
    <xsl:param name="note" select="."/>
    <xsl:value-of select="f:number($note)"/>
  </xsl:template>

  <!-- ===== remarks: the source's own wording and brackets ================================================= -->
  <xsl:template name="open">
    <xsl:choose><xsl:when test="@rend = 'brackets'">[</xsl:when><xsl:otherwise>(</xsl:otherwise></xsl:choose>
  </xsl:template>
  <xsl:template name="close">
    <xsl:choose><xsl:when test="@rend = 'brackets'">]</xsl:when><xsl:otherwise>)</xsl:otherwise></xsl:choose>
  </xsl:template>

  <xsl:template name="remark-text">
    <xsl:variable name="desc" select="normalize-space(t:desc)"/>
    <xsl:choose>
      <!-- pause is empty in TEI: the encoder emits it for the printed form (Pause.) only (conventions: pause) -->
      <xsl:when test="self::t:pause and not(t:desc)"><xsl:call-template name="open"/>Pause.<xsl:call-template name="close"/></xsl:when>
      <!-- a desc that already has its brackets (other projects' TEI) is not bracketed again -->
      <xsl:when test="starts-with($desc, '(') or starts-with($desc, '[')"><xsl:value-of select="$desc"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="open"/><xsl:value-of select="$desc"/><xsl:call-template name="close"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- markup.correction: subst holds del then add, printed with a space between, as the source did -->
  <xsl:template match="t:subst" mode="inline">
    <xsl:apply-templates select="t:del" mode="inline"/><xsl:text> </xsl:text><xsl:apply-templates select="t:add" mode="inline"/>
  </xsl:template>

  <!-- ===== inline content for the text formats (HTML overrides these) ==================================== -->
  <!-- Text in mode inline is copied by XSLT's built-in text rule (the same text node as value-of ".", made
       without instantiating a template for each one); markdown.xsl has a rule of its own. -->

  <xsl:template match="t:gap | t:vocal | t:kinesic | t:incident | t:pause" mode="inline">
    <xsl:call-template name="remark-text"/>
  </xsl:template>

  <xsl:template match="t:gap[@resp = '#tei-edition']" mode="inline">
    <xsl:value-of select="concat($ED_OPEN, 'material skipped in the source ')"/><xsl:call-template name="inferred"/><xsl:value-of select="$ED_CLOSE"/>
  </xsl:template>
  <!-- A note on a supplied speaker (type="attribution") gets the turn's certainty after its rule, in editorial
       brackets, so the text formats show how sure the inference is as the HTML's badge does. -->
  <xsl:template name="note-certainty">
    <xsl:if test="@type = 'attribution' and ../@cert">
      <xsl:value-of select="concat(' ', $ED_OPEN, 'certainty ', ../@cert, $ED_CLOSE)"/>
    </xsl:if>
  </xsl:template>

  <!-- Who inferred an editorial mark and how sure: shown in every format, not only in a tooltip. -->
  <xsl:template name="inferred">
    <xsl:value-of select="concat('(inferred by tei-edition', substring(', certainty ', 1, 13 * boolean(@cert)), @cert, ')')"/>
  </xsl:template>

  <xsl:template match="t:note[@place = 'inline']" mode="inline">
    <xsl:call-template name="open"/><xsl:apply-templates mode="inline"/><xsl:call-template name="close"/>
  </xsl:template>

  <xsl:template match="t:front/t:note" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>

  <xsl:template match="t:note" mode="inline">
    <xsl:call-template name="note-ref"/>
  </xsl:template>

  <xsl:template match="t:add" mode="inline">[<xsl:apply-templates mode="inline"/>]</xsl:template>

  <xsl:template match="t:supplied" mode="inline">
    <xsl:value-of select="$ED_OPEN"/><xsl:apply-templates mode="inline"/><xsl:value-of select="$ED_CLOSE"/>
  </xsl:template>

  <xsl:template match="t:hi | t:emph" mode="inline">
    <xsl:call-template name="emphasis"><xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:del" mode="inline">
    <xsl:call-template name="deleted"><xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:choice" mode="inline">
    <xsl:apply-templates select="t:sic | t:orig" mode="inline"/>
    <xsl:if test="t:corr | t:reg"> [<xsl:apply-templates select="t:corr | t:reg" mode="inline"/>]</xsl:if>
  </xsl:template>

  <xsl:template match="t:lb" mode="inline"><xsl:text> </xsl:text></xsl:template>

  <xsl:template match="*" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>

  <!-- Hooks the text formats may redefine. The defaults keep a visible delimiter, as the source had one
       (Markdown *emphasis*, <s>strike-through</s>): "<s>a</s>b" must still read as two words, a and b. -->
  <xsl:template name="emphasis"><xsl:param name="content"/>*<xsl:value-of select="$content"/>*</xsl:template>
  <xsl:template name="deleted"><xsl:param name="content"/>~~<xsl:value-of select="$content"/>~~</xsl:template>
  <xsl:template name="note-ref">
    <xsl:value-of select="$ED_OPEN"/><xsl:call-template name="note-number"/><xsl:value-of select="$ED_CLOSE"/>
  </xsl:template>

  <!-- The inline rendering of a node, as one string with spaces normalised. -->
  <xsl:template name="flat">
    <xsl:param name="nodes" select="node()"/>
    <xsl:variable name="s"><xsl:apply-templates select="$nodes" mode="inline"/></xsl:variable>
    <xsl:value-of select="normalize-space($s)"/>
  </xsl:template>

  <!-- ===== any TEI: the generic renderer =====================================================================
       The templates above render this project's own transcripts ($ours: the TEI names tei-edition as its
       application). Any other TEI P5 goes through the generic renderer below (modes gen and geni here, for the
       text formats; hgen and hgeni in html.xsl), which renders every element of <text>:
       - block elements (the TEI classes listed in $BLOCKS, generated from tei_all.rng) are blocks: a
         container when they hold blocks, otherwise a paragraph of their inline content; docAuthor, docDate,
         docEdition and docImprint are blocks where they stand in front, back, titlePage, body or div (in a
         byline they are phrases: "by <docAuthor>...</docAuthor>");
       - "floating" elements (notes, milestones, events) standing between blocks are blocks of their own, and
         inline where they touch text;
       - anything else is inline, its content kept (the fallback): nothing is dropped.
       What the generic renderer adds is editorial (in ⟦white brackets⟧, or class="editorial" in HTML);
       supplied text is set in ⟨angle brackets⟩, which the word check reads as no boundary. -->
  <xsl:variable name="ours" select="boolean($header/t:encodingDesc/t:appInfo/t:application[@ident = 'tei-edition'])"/>
  <xsl:variable name="TEI_NS" select="'http://www.tei-c.org/ns/1.0'"/>
  <!-- BEGIN generated block list (tools/tei_classes.py) -->
  <xsl:variable name="BLOCKS" select="' ab address annotationBlock argument back body byline castGroup castItem castList cell closer dateline div div1 div2 div3 div4 div5 div6 div7 divGen docTitle eTree entry entryFree epigraph epilogue figure floatingText forest front graph group head item l lg list listApp listBibl listEvent listForest listNym listObject listOrg listPerson listPlace listRelation listWit opener p postscript prologue row salute signed sp spGrp speaker superEntry table text titlePage titlePart trailer tree u '"/>
  <!-- END generated block list -->
  <!-- Elements of element-only content (tools/tei_classes.py): their children take a word boundary between them. -->
  <!-- BEGIN generated element-only list (tools/tei_classes.py) -->
  <xsl:variable name="ELEMENT_ONLY" select="' TEI abstract additional address adminInfo altGrp altIdentifier alternate analytic annotation annotationBlock app appInfo application arc argument attDef attList availability back biblFull biblStruct bicond binding bindingDesc body broadcast cRefPattern calendar calendarDesc castGroup castItem castList category certainty char charDecl choice cit citeStructure classDecl classSpec classes climate cond constraintDecl constraintSpec content correction correspAction correspContext correspDesc custodialHist dataRef dataSpec datatype decoDesc dimensions div div1 div2 div3 div4 div5 div6 div7 divGen docTitle eLeaf eTree editionStmt editorialDecl elementSpec ellipsis encodingDesc entry epigraph epilogue equipment event exemplum fDecl fLib facsimile figure fileDesc floatingText forest form front fs fsConstraints fsDecl fsdDecl fvLib gap glyph gramGrp graph graphic group handDesc handNotes history hom hyphenation iNode if imprint incident index interleave interpGrp interpretation join joinGrp keywords kinesic langKnowledge langUsage layoutDesc leaf lg linkGrp list listAnnotation listApp listBibl listChange listEvent listForest listNym listObject listOrg listPerson listPlace listPrefixDef listRef listRelation listTranspose listWit location locusGrp macroSpec media metDecl model modelGrp modelSequence moduleRef moduleSpec monogr msContents msDesc msFrag msIdentifier msItem msItemStruct msPart namespace node normalization notatedMusic noteGrp notesStmt nym object objectDesc objectIdentifier org paramList paramSpec particDesc performance person personGrp persona physDesc place population postscript precision prefixDef profileDesc projectDesc prologue publicationStmt punctuation quotation rdgGrp recordHist recording recordingStmt refsDecl relatedItem relation remarks respStmt respons revisionDesc root row ruby samplingDecl schemaRef schemaSpec scriptDesc scriptStmt seal sealDesc segmentation sense sequence seriesStmt set setting settingDesc sourceDesc sourceDoc sp spGrp space spanGrp specGrp specList standOff state stdVals styleDefDecl subst substJoin superEntry supportDesc surface surfaceGrp table tagsDecl taxonomy teiCorpus teiHeader terrain text textClass textDesc timeline titlePage titleStmt trait transcriptionDesc transpose tree triangle typeDesc unitDecl unitDef vAlt vColl vDefault vLabel vMerge vNot vRange valItem valList vocal '"/>
  <!-- END generated element-only list -->
  <!-- Elements that stand between blocks as blocks of their own, or inline inside text. -->
  <xsl:variable name="FLOATING" select="' note pb cb lb milestone gap kinesic vocal incident pause shift anchor figure stage fw space timeline link linkGrp join joinGrp alt altGrp '"/>
  <xsl:variable name="BLOCKS_FLOATING" select="concat($BLOCKS, $FLOATING)"/>
  <!-- Elements that are blocks or not by where they stand (f:blockish tells): the floating ones and the parts of a
       document's front. Outside them and $BLOCKS (and a seg in an utterance), an element is inline: the
       stylesheets ask f:blockish only of these, a function call costing more than the tests around it. -->
  <xsl:variable name="PLACED" select="concat($FLOATING, $DOC_PARTS)"/>
  <!-- Pointers and alignment, with no words: rendered as nothing. -->
  <xsl:variable name="SILENT" select="' anchor timeline link linkGrp join joinGrp alt altGrp '"/>
  <xsl:key name="ids" match="*[@xml:id]" use="@xml:id"/>

  <func:function name="f:in">
    <xsl:param name="n"/><xsl:param name="list"/>
    <func:result select="boolean($n[self::* and namespace-uri() = $TEI_NS][contains($list, concat(' ', local-name(), ' '))])"/>
  </func:function>
  <func:function name="f:block">
    <xsl:param name="n"/>
    <func:result select="boolean($n[namespace-uri() = $TEI_NS][contains($BLOCKS, concat(' ', local-name(), ' '))]
                         | $n[self::t:seg][parent::t:u]) or f:doc-part($n)"/>
  </func:function>
  <!-- docAuthor, docDate, docEdition, docImprint standing in a front, back, titlePage, body or div: blocks there
       (in a byline, phrases; tei/anytei.py's is_block says the same). -->
  <xsl:variable name="DOC_PARTS" select="' docAuthor docDate docEdition docImprint '"/>
  <xsl:variable name="DOC_PART_HOLDERS" select="' front back titlePage body div '"/>
  <func:function name="f:doc-part">
    <xsl:param name="n"/>
    <func:result select="boolean($n[namespace-uri() = $TEI_NS][contains($DOC_PARTS, concat(' ', local-name(), ' '))]
                         /parent::*[namespace-uri() = $TEI_NS][contains($DOC_PART_HOLDERS, concat(' ', local-name(), ' '))])"/>
  </func:function>
  <!-- The sibling before (after) a node that is an element or non-blank text, looking past one blank text
       node or comment (XPath's [1] on the axis itself: constant time, where a filtered axis would scan all
       siblings and make long containers quadratic; a test on the node found goes in a step of its own,
       `node()[1]/self::node()[test]`, as everywhere in these stylesheets: libxml2 answers `node()[1][test]` only
       after collecting the whole axis; tests/test_faults.py holds the rule). -->
  <func:function name="f:prev">
    <xsl:param name="n"/>
    <xsl:variable name="n1" select="$n/preceding-sibling::node()[1]"/>
    <xsl:choose>
      <xsl:when test="$n1[self::* or self::text()[normalize-space()]]"><func:result select="$n1"/></xsl:when>
      <xsl:otherwise><func:result select="$n/preceding-sibling::node()[2]/self::node()[self::* or self::text()[normalize-space()]]"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="f:next">
    <xsl:param name="n"/>
    <xsl:variable name="n1" select="$n/following-sibling::node()[1]"/>
    <xsl:choose>
      <xsl:when test="$n1[self::* or self::text()[normalize-space()]]"><func:result select="$n1"/></xsl:when>
      <xsl:otherwise><func:result select="$n/following-sibling::node()[2]/self::node()[self::* or self::text()[normalize-space()]]"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- The node a run of inline nodes goes on with: the next sibling, unless it is a block, or blank text
       before a block or the end. Blank text between two inline nodes stays in the run: it is their word
       boundary (<app>…</app> <app>…</app> directly in a div). -->
  <func:function name="f:run-next">
    <xsl:param name="n"/>
    <func:result select="$n/following-sibling::node()[1]/self::node()[not(self::* and f:blockish(.))]
                         [self::* or normalize-space() or f:next(.)[not(self::* and f:blockish(.))]]"/>
  </func:function>
  <!-- Who speaks an utterance: its @who, or that of the annotationBlock holding it (ISO 24624 spoken TEI). -->
  <func:function name="f:who">
    <xsl:param name="u"/>
    <func:result select="$u/@who | $u[not(@who)]/parent::t:annotationBlock/@who"/>
  </func:function>
  <!-- Tokens (called for a w): a word right after another with nothing between is a word of its own, unless either
       joins. -->
  <xsl:template name="token-boundary">
    <xsl:if test="not(@join = 'left' or @join = 'both')
                  and preceding-sibling::node()[1]/self::t:w[not(@join = 'right' or @join = 'both')]">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>
  <!-- A page break's marker: "p. 7"; "page" where the break has no number (TCP, facsimile-only breaks). -->
  <func:function name="f:page">
    <xsl:param name="pb"/>
    <func:result select="concat(substring('page', 1, 4 * not(normalize-space($pb/@n))),
                                substring(concat('p. ', normalize-space($pb/@n)), 1, 99 * boolean(normalize-space($pb/@n))))"/>
  </func:function>
  <!-- A block, or a floating element whose run of floating neighbours (whitespace aside) has blocks or nothing at
       both ends (f:side-ok). -->
  <func:function name="f:blockish">
    <xsl:param name="n"/>
    <xsl:variable name="name" select="concat(' ', local-name($n), ' ')"/>
    <xsl:choose>
      <xsl:when test="namespace-uri($n) != $TEI_NS"><func:result select="false()"/></xsl:when>
      <xsl:when test="contains($BLOCKS, $name) or $n[self::t:seg][parent::t:u] or (contains($DOC_PARTS, $name) and f:doc-part($n))"><func:result select="true()"/></xsl:when>
      <xsl:when test="not(contains($FLOATING, $name))"><func:result select="false()"/></xsl:when>
      <!-- touching words on either side: inline, without a further call (most notes and breaks in running text) -->
      <xsl:when test="$n/preceding-sibling::node()[1]/self::text()[normalize-space()]
                      or $n/following-sibling::node()[1]/self::text()[normalize-space()]"><func:result select="false()"/></xsl:when>
      <!-- f:side-ok($n, -1, 0) and f:side-ok($n, 1, 0), its first step written out (a function call costs
           more than the rest of the test; most floating elements stand between blocks or at an end) -->
      <xsl:otherwise>
        <xsl:variable name="p1" select="$n/preceding-sibling::node()[1]"/>
        <xsl:variable name="p" select="$p1[self::*] | $p1[not(self::*)]/preceding-sibling::node()[1]/self::node()[self::* or self::text()[normalize-space()]]"/>
        <xsl:variable name="n1" select="$n/following-sibling::node()[1]"/>
        <xsl:variable name="q" select="$n1[self::*] | $n1[not(self::*)]/following-sibling::node()[1]/self::node()[self::* or self::text()[normalize-space()]]"/>
        <func:result select="(not($p) or $p[self::t:*][contains($BLOCKS, concat(' ', local-name(), ' ')) or self::t:seg[parent::t:u]
                                                        or contains($FLOATING, concat(' ', local-name(), ' ')) and f:side-ok(., -1, 1)
                                                        or contains($DOC_PARTS, concat(' ', local-name(), ' ')) and f:doc-part(.)])
                             and (not($q) or $q[self::t:*][contains($BLOCKS, concat(' ', local-name(), ' ')) or self::t:seg[parent::t:u]
                                                        or contains($FLOATING, concat(' ', local-name(), ' ')) and f:side-ok(., 1, 1)
                                                        or contains($DOC_PARTS, concat(' ', local-name(), ' ')) and f:doc-part(.)])"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- Whether the floating element $m lets a run of floating elements stand as a block on one side (-1: before,
       1: after): its neighbour there (whitespace and comments aside, as f:prev and f:next see it) is none, a
       block, or a floating element that does so in turn (up to 8 deep). So "text<anchor/><note/>" and the notes of
       an <app> after its readings are inline (tei/anytei.py: _side_ok). One function with its neighbour found
       inline: f:blockish asks it of every floating element, several times over. -->
  <func:function name="f:side-ok">
    <xsl:param name="m"/><xsl:param name="dir"/><xsl:param name="depth"/>
    <!-- (the neighbour, or the one past it, found in two steps rather than as a union ($a | $a/preceding-sibling::
         node()[1]): libxml2 orders text nodes among siblings by walking the siblings, so such a union was linear
         in the container's children, asked of every note of a 4,000-child div) -->
    <xsl:choose>
      <xsl:when test="$dir = -1">
        <xsl:variable name="a" select="$m/preceding-sibling::node()[1]"/>
        <xsl:choose>
          <xsl:when test="$a[self::* or self::text()[normalize-space()]]"><func:result select="f:run-end($a, $dir, $depth)"/></xsl:when>
          <xsl:otherwise><func:result select="f:run-end($a/preceding-sibling::node()[1]/self::node()[self::* or self::text()[normalize-space()]], $dir, $depth)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="a" select="$m/following-sibling::node()[1]"/>
        <xsl:choose>
          <xsl:when test="$a[self::* or self::text()[normalize-space()]]"><func:result select="f:run-end($a, $dir, $depth)"/></xsl:when>
          <xsl:otherwise><func:result select="f:run-end($a/following-sibling::node()[1]/self::node()[self::* or self::text()[normalize-space()]], $dir, $depth)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="f:run-end">
    <xsl:param name="mm"/><xsl:param name="dir"/><xsl:param name="depth"/>
    <xsl:variable name="name" select="concat(' ', local-name($mm), ' ')"/>
    <xsl:choose>
      <xsl:when test="not($mm)"><func:result select="true()"/></xsl:when>
      <xsl:when test="not($mm/self::*) or namespace-uri($mm) != $TEI_NS"><func:result select="false()"/></xsl:when>
      <xsl:when test="contains($BLOCKS, $name) or $mm[self::t:seg][parent::t:u]"><func:result select="true()"/></xsl:when>
      <xsl:when test="contains($FLOATING, $name)">
        <func:result select="$depth &gt;= 8 or f:side-ok($mm, $dir, $depth + 1)"/>
      </xsl:when>
      <xsl:otherwise><func:result select="f:doc-part($mm)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- A block or floating element by its name alone (inline, these still take a word boundary). -->
  <func:function name="f:blockish-name">
    <xsl:param name="n"/>
    <func:result select="boolean($n[namespace-uri() = $TEI_NS][contains($BLOCKS_FLOATING, concat(' ', local-name(), ' '))
                                  or self::t:seg[parent::t:u] or contains($DOC_PARTS, concat(' ', local-name(), ' '))
                                  and parent::t:*[contains($DOC_PART_HOLDERS, concat(' ', local-name(), ' '))]])"/>
  </func:function>
  <func:function name="f:container">
    <xsl:param name="n"/>
    <xsl:variable name="kids" select="$n/*"/>
    <!-- a child block by its name alone decides it without a function call per child (most containers) -->
    <func:result select="boolean($kids[namespace-uri() = $TEI_NS][contains($BLOCKS, concat(' ', local-name(), ' '))]
                                 | $n/self::t:u/t:seg) or boolean($kids[contains($PLACED, concat(' ', local-name(), ' '))][f:blockish(.)])"/>
  </func:function>
  <!-- The reading a choice shows: the expansion, correction or regularisation; the other is available.
       Of an apparatus entry (app): the lemma, else the first reading, standing alone or in a group of readings
       (rdgGrp: tei/anytei.reading_of looks in the same places); the variants are available. -->
  <func:function name="f:reading">
    <xsl:param name="choice"/>
    <xsl:choose>
      <xsl:when test="$choice/t:expan"><func:result select="$choice/t:expan[1]"/></xsl:when>
      <xsl:when test="$choice/t:corr"><func:result select="$choice/t:corr[1]"/></xsl:when>
      <xsl:when test="$choice/t:reg"><func:result select="$choice/t:reg[1]"/></xsl:when>
      <xsl:when test="$choice/t:lem"><func:result select="$choice/t:lem[1]"/></xsl:when>
      <xsl:when test="$choice/t:rdgGrp/t:lem"><func:result select="($choice/t:rdgGrp/t:lem)[1]"/></xsl:when>
      <xsl:when test="$choice/t:rdg"><func:result select="$choice/t:rdg[1]"/></xsl:when>
      <xsl:when test="$choice/t:rdgGrp/t:rdg"><func:result select="($choice/t:rdgGrp/t:rdg)[1]"/></xsl:when>
      <xsl:otherwise><func:result select="$choice/*[1]"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- An id for HTML: only a non-empty xml:id that no other element shares. -->
  <func:function name="f:id">
    <xsl:param name="n"/>
    <xsl:variable name="id" select="string($n/@xml:id)"/>
    <xsl:choose>
      <xsl:when test="$id != '' and not(contains($id, ' ')) and count(key('ids', $id)) = 1"><func:result select="$id"/></xsl:when>
      <xsl:otherwise><func:result select="''"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- A language tag for HTML: ISO 639-2 codes that have a two-letter form take it (HTML requires that). -->
  <xsl:variable name="LANG639" select="' ara=ar chi=zh zho=zh cze=cs ces=cs dan=da dut=nl nld=nl eng=en fin=fi fre=fr fra=fr ger=de deu=de gre=el ell=el heb=he hun=hu ita=it jpn=ja lat=la nor=no pol=pl por=pt rus=ru spa=es swe=sv tur=tr ukr=uk hrv=hr slv=sl slo=sk slk=sk rum=ro ron=ro bul=bg cat=ca gle=ga wel=cy cym=cy ice=is isl=is '"/>
  <xsl:variable name="ISO639-1" select="' aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu '"/>
  <func:function name="f:lang">
    <xsl:param name="code"/>
    <xsl:variable name="primary" select="translate(substring-before(concat($code, '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="two" select="substring-before(substring-after($LANG639, concat(' ', $primary, '=')), ' ')"/>
    <xsl:choose>
      <xsl:when test="$two != ''"><func:result select="concat($two, substring($code, 1 + string-length($primary)))"/></xsl:when>
      <!-- a two-letter code that is not ISO 639-1 (a project's own, such as "MP"): private use -->
      <xsl:when test="string-length($primary) = 2 and not(contains($ISO639-1, concat(' ', $primary, ' ')))">
        <func:result select="concat('x-', $code)"/>
      </xsl:when>
      <xsl:otherwise><func:result select="$code"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="f:rend">
    <xsl:param name="n"/><xsl:param name="word"/>
    <func:result select="contains(concat(' ', translate($n/@rend, '()', '  '), ' '), concat(' ', $word, ' '))"/>
  </func:function>
  <!-- Depth of a division: 1 for a div directly in body/front/back. -->
  <func:function name="f:depth">
    <xsl:param name="n"/>
    <func:result select="count($n/ancestor-or-self::*[self::t:div or self::t:div1 or self::t:div2 or self::t:div3
                         or self::t:div4 or self::t:div5 or self::t:div6 or self::t:div7])"/>
  </func:function>
  <!-- A participant named by @who: its name in the header, or the id itself. -->
  <func:function name="f:who-name">
    <xsl:param name="who"/>
    <xsl:variable name="id" select="substring-after(normalize-space(substring-before(concat($who, ' '), ' ')), '#')"/>
    <xsl:variable name="p" select="key('ids', $id)[self::t:person or self::t:personGrp or self::t:role or self::t:castItem]"/>
    <xsl:variable name="name" select="normalize-space(($p/t:persName | $p/t:name | $p)[1])"/>
    <func:result select="concat($name, substring($id, 1, string-length($id) * not($name)))"/>
  </func:function>

  <!-- Footnotes of any TEI: notes inside the text (not standing as blocks, not inside another note), numbered
       once in document order; the numbers are looked up through a key (linear in the document's size). -->
  <!-- (empty for this project's own transcripts, which number their notes otherwise and never read it: a global
       is evaluated for every document, and f:blockish on every note is not free) -->
  <xsl:variable name="FOOTNOTES" select="/t:TEI/t:text[not($ours)]//t:note[not(ancestor::t:note)][preceding-sibling::node()[1]/self::text()[normalize-space()]
                                  or following-sibling::node()[1]/self::text()[normalize-space()] or not(f:blockish(.))]"/>
  <xsl:key name="number" match="n" use="@id"/>
  <xsl:variable name="NUMBERS-RTF">
    <xsl:choose>
      <xsl:when test="$ours">
        <xsl:for-each select="/t:TEI/t:text/t:body//t:note[not(@place = 'inline')]"><n id="{generate-id()}" v="{position()}"/></xsl:for-each>
        <xsl:for-each select="/t:TEI/t:text/t:body//t:head"><n id="{generate-id()}" v="{position()}"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$FOOTNOTES"><n id="{generate-id()}" v="{position()}"/></xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="NUMBERS" select="exsl:node-set($NUMBERS-RTF)"/>
  <func:function name="f:number">
    <xsl:param name="n"/>
    <xsl:variable name="id" select="generate-id($n)"/>
    <xsl:variable name="v"><xsl:for-each select="$NUMBERS"><xsl:value-of select="key('number', $id)/@v"/></xsl:for-each></xsl:variable>
    <func:result select="string($v)"/>
  </func:function>

  <!-- Title and byline of any TEI. -->
  <xsl:template name="any-title">
    <xsl:variable name="main" select="$header/t:fileDesc/t:titleStmt/t:title[@type = 'main' or not(@type)][1]"/>
    <xsl:value-of select="normalize-space(($main | $header/t:fileDesc/t:titleStmt/t:title)[1])"/>
  </xsl:template>
  <xsl:template name="any-authors">
    <xsl:for-each select="$header/t:fileDesc/t:titleStmt/t:author">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:for-each select="(t:persName | t:name | self::*[not(t:persName | t:name)])[1]"><xsl:call-template name="person-name"/></xsl:for-each>
    </xsl:for-each>
  </xsl:template>
  <!-- A name as read: its parts in reading order when it is made of them ("<surname>Kluge</surname><forename>
       Friedrich</forename>" is Friedrich Kluge, not "KlugeFriedrich"), else its text. -->
  <xsl:template name="person-name">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="(t:forename or t:surname) and not(text()[normalize-space()])">
          <xsl:for-each select="t:roleName"><xsl:value-of select="concat(' ', .)"/></xsl:for-each>
          <xsl:for-each select="t:forename"><xsl:value-of select="concat(' ', .)"/></xsl:for-each>
          <xsl:for-each select="t:nameLink | t:surname | t:genName | t:addName"><xsl:value-of select="concat(' ', .)"/></xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="normalize-space($name)"/>
  </xsl:template>

  <!-- ===== generic renderer, text formats (text, markdown, tsv) ===========================================
       Hooks each format defines: gpara (one block of text: param text, kind, node), gverse (one line of verse). -->
  <xsl:template match="t:teiHeader | t:facsimile | t:standOff | t:sourceDoc" mode="gen"/>

  <xsl:template match="*" mode="gen">
    <xsl:choose>
      <xsl:when test="(namespace-uri() = $TEI_NS and contains($SILENT, concat(' ', local-name(), ' ')))"/>
      <xsl:when test="f:container(.)"><xsl:call-template name="gchildren"/></xsl:when>
      <xsl:when test="(namespace-uri() = $TEI_NS and contains($FLOATING, concat(' ', local-name(), ' '))) and not(self::t:note)">
        <xsl:call-template name="gpara"><xsl:with-param name="text"><xsl:apply-templates select="." mode="geni"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gpara"><xsl:with-param name="text"><xsl:call-template name="gparts"/></xsl:with-param></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A container's children: blocks in order; each run of inline nodes between them is one paragraph. -->
  <xsl:template name="gchildren">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::t:*[contains($BLOCKS, concat(' ', local-name(), ' ')) or self::t:seg[parent::t:u]
                                  or contains($PLACED, concat(' ', local-name(), ' ')) and f:blockish(.)]"><xsl:apply-templates select="." mode="gen"/></xsl:when>
        <xsl:when test="self::comment() or self::processing-instruction() or self::text()[not(normalize-space())]"/>
        <xsl:when test="not(f:prev(.)[not(f:blockish(.))])">
          <xsl:call-template name="gpara">
            <xsl:with-param name="text"><xsl:call-template name="grun"/></xsl:with-param>
            <xsl:with-param name="node" select=".."/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
  <!-- One run, node by node to the next block (one recursion per node of the run). -->
  <xsl:template name="grun">
    <xsl:apply-templates select="." mode="geni"/>
    <xsl:for-each select="f:run-next(.)"><xsl:call-template name="grun"/></xsl:for-each>
  </xsl:template>

  <xsl:template match="t:l" mode="gen">
    <xsl:call-template name="gverse"><xsl:with-param name="text"><xsl:apply-templates mode="geni"/></xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:u" mode="gen">
    <xsl:variable name="who" select="f:who(.)"/>
    <xsl:if test="$who and not(preceding-sibling::*[1]/self::t:note[@type = 'speaker'])">
      <xsl:call-template name="gpara">
        <xsl:with-param name="text" select="concat($ED_OPEN, f:who-name($who), $ED_CLOSE)"/>
        <xsl:with-param name="kind" select="'label'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="f:container(.)"><xsl:call-template name="gchildren"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="gpara"><xsl:with-param name="text"><xsl:apply-templates mode="geni"/></xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A speech without a speaker label: the participant named by @who, as an editorial label. -->
  <xsl:template match="t:sp" mode="gen">
    <xsl:if test="@who and not(t:speaker)">
      <xsl:call-template name="gpara">
        <xsl:with-param name="text" select="concat($ED_OPEN, f:who-name(@who), $ED_CLOSE)"/>
        <xsl:with-param name="kind" select="'label'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="f:container(.)"><xsl:call-template name="gchildren"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="gpara"><xsl:with-param name="text"><xsl:apply-templates mode="geni"/></xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:row" mode="gen">
    <xsl:call-template name="gpara">
      <xsl:with-param name="text">
        <xsl:for-each select="*"><xsl:if test="position() &gt; 1"> | </xsl:if><xsl:apply-templates mode="geni"/></xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:item" mode="gen">
    <xsl:call-template name="gpara">
      <xsl:with-param name="text">- <xsl:call-template name="gparts"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- A list of entries (bibliography, persons, places, cast): each entry a paragraph of its own, as in HTML's
       list; a list of items goes by t:item. -->
  <xsl:template match="t:listBibl | t:castList | t:castGroup | t:listPerson | t:listPlace | t:listOrg | t:listEvent" mode="gen">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::t:head or (self::* and f:blockish(.))"><xsl:apply-templates select="." mode="gen"/></xsl:when>
        <xsl:when test="self::*">
          <xsl:call-template name="gpara"><xsl:with-param name="text"><xsl:call-template name="gparts"/></xsl:with-param></xsl:call-template>
        </xsl:when>
        <xsl:when test="self::text()[normalize-space()]">
          <xsl:call-template name="gpara"><xsl:with-param name="text" select="."/></xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- inline, text formats -->
  <xsl:template match="text()" mode="geni">
    <xsl:choose>
      <xsl:when test="$WORD_BREAKS and (following-sibling::node()[1]/self::*[@break = 'no'][self::t:lb or self::t:pb or self::t:cb] or preceding-sibling::node()[1]/self::*[@break = 'no'][self::t:lb or self::t:pb or self::t:cb])">
        <xsl:call-template name="trim-at-breaks"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- A word broken across lines (TEI lb, pb or cb break="no"; as tei/anytei.BREAKS: not an example's lb in
       egXML): the whitespace around the break is not a word boundary. -->
  <!-- Whether the document breaks any word so (one scan of it, for other projects' TEI only): most have none, and
       then no text node looks at its neighbours for one. -->
  <xsl:variable name="WORD_BREAKS" select="not($ours) and boolean(//*[@break = 'no'][self::t:lb or self::t:pb or self::t:cb])"/>
  <xsl:template name="trim-at-breaks">
    <xsl:variable name="ws" select="'&#9;&#10;&#13; '"/>
    <xsl:variable name="lead" select="not(preceding-sibling::node()[1]/self::*[@break = 'no'][self::t:lb or self::t:pb or self::t:cb]) and translate(substring(., 1, 1), $ws, '') = ''"/>
    <xsl:variable name="trail" select="not(following-sibling::node()[1]/self::*[@break = 'no'][self::t:lb or self::t:pb or self::t:cb]) and translate(substring(., string-length(.)), $ws, '') = ''"/>
    <xsl:if test="$lead and normalize-space()"><xsl:text> </xsl:text></xsl:if>
    <xsl:value-of select="normalize-space()"/>
    <!-- blank text beside a break is nothing, even before an element ("ἑπτα<lb break="no"/>\n <supplied>") -->
    <xsl:if test="$trail and normalize-space()"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="geni">
    <xsl:choose>
      <xsl:when test="(namespace-uri() = $TEI_NS and contains($SILENT, concat(' ', local-name(), ' ')))"/>
      <xsl:when test="f:blockish-name(.)"><xsl:text> </xsl:text><xsl:apply-templates mode="geni"/><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise>
        <xsl:if test="self::t:w"><xsl:call-template name="token-boundary"/></xsl:if>
        <xsl:choose>   <!-- (most inline elements hold only text: no parts to look at) -->
          <xsl:when test="*"><xsl:call-template name="gparts"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates mode="geni"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="gparts">
    <xsl:choose>
      <xsl:when test="f:parts-apart(.)">
        <xsl:for-each select="node()"><xsl:call-template name="part-boundary"/><xsl:apply-templates select="." mode="geni"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="geni"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Whether an element's parts stand apart: it is of element-only content (ELEMENT_ONLY) and no text stands
       among its children (tei/anytei.py: _part_boundary). p, seg, ab, l, head, note and hi hold text: they are
       answered without the lookup, as the commonest. -->
  <func:function name="f:parts-apart">
    <xsl:param name="n"/>
    <func:result select="boolean($n/*) and not($n/self::t:p | $n/self::t:seg | $n/self::t:ab | $n/self::t:l | $n/self::t:head
                                                  | $n/self::t:note | $n/self::t:hi)
                         and not($n/text()[normalize-space()]) and namespace-uri($n) = $TEI_NS
                         and contains($ELEMENT_ONLY, concat(' ', local-name($n), ' '))"/>
  </func:function>
  <!-- The parts of an element of element-only content stand apart ("~~wrote~~ sent", "cano Verg."; a word
       boundary, as tei/anytei.py reads them): a space where the source put no blank text between them. -->
  <xsl:template name="part-boundary">
    <xsl:if test="self::* and preceding-sibling::node()[1]/self::*"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="t:choice | t:app" mode="geni"><xsl:apply-templates select="f:reading(.)" mode="geni"/></xsl:template>
  <xsl:template match="t:lb | t:cb" mode="geni">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="t:pb" mode="geni">
    <xsl:if test="not(@break = 'no')">
      <xsl:value-of select="concat(' ', $ED_OPEN, f:page(.), $ED_CLOSE, ' ')"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="t:milestone" mode="geni">
    <xsl:value-of select="concat(' ', $ED_OPEN, normalize-space(concat(@unit, ' ', @n)), $ED_CLOSE, ' ')"/>
  </xsl:template>
  <xsl:template match="t:space" mode="geni"><xsl:text> </xsl:text></xsl:template>
  <!-- A deletion is marked struck (~~ ~~), as in this project's editions. -->
  <xsl:template match="t:del" mode="geni">
    <xsl:call-template name="deleted"><xsl:with-param name="content"><xsl:apply-templates mode="geni"/></xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:supplied" mode="geni">&#x27E8;<xsl:apply-templates mode="geni"/>&#x27E9;</xsl:template>
  <!-- A gap takes no word boundary of its own: "h<gap/>unteth" is one word with letters missing (TCP, EpiDoc);
       between words, the source's own spaces stand around it. (The word check still reads a boundary there:
       the text editions' ⟦marks⟧ and the brackets of a desc are never part of a word.) -->
  <xsl:template match="t:gap" mode="geni">
    <xsl:choose>
      <xsl:when test="t:desc"><xsl:call-template name="bracketed-desc"><xsl:with-param name="open" select="'['"/><xsl:with-param name="close" select="']'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($ED_OPEN, '…', $ED_CLOSE)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="t:vocal | t:kinesic | t:incident | t:pause | t:shift" mode="geni">
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="t:desc"><xsl:call-template name="bracketed-desc"/></xsl:when>
      <xsl:when test="normalize-space()">(<xsl:apply-templates mode="geni"/>)</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($ED_OPEN, local-name(), substring(' ', 1, string-length(@type)), @type, $ED_CLOSE)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="t:note" mode="geni">
    <xsl:variable name="number" select="f:number(.)"/>
    <xsl:choose>
      <xsl:when test="$number != ''"><xsl:call-template name="gnote-ref"><xsl:with-param name="number" select="$number"/></xsl:call-template></xsl:when>
      <xsl:otherwise> (<xsl:apply-templates mode="geni"/>) </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="gnote-ref"><xsl:param name="number" select="f:number(.)"/><xsl:value-of select="concat($ED_OPEN, $number, $ED_CLOSE)"/></xsl:template>
  <xsl:template match="t:desc" mode="geni"><xsl:text> </xsl:text><xsl:apply-templates mode="geni"/><xsl:text> </xsl:text></xsl:template>

  <!-- The descriptions of a remark, in brackets unless the source already bracketed them. -->
  <xsl:template name="bracketed-desc">
    <xsl:param name="open" select="'('"/><xsl:param name="close" select="')'"/>
    <xsl:variable name="s">
      <xsl:for-each select="t:desc"><xsl:if test="position() &gt; 1"> / </xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="starts-with($s, '(') or starts-with($s, '[')"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($open, $s, $close)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== utilities ====================================================================================== -->
  <!-- Greedy word wrap at $width columns (0: no wrapping). One recursion per line. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/><xsl:param name="width" select="0"/><xsl:param name="indent" select="''"/>
    <xsl:choose>
      <xsl:when test="$width &lt;= 0 or string-length($text) &lt;= $width">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut">
          <xsl:call-template name="last-space">
            <xsl:with-param name="s" select="substring($text, 1, $width + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="at">
          <xsl:choose>
            <xsl:when test="$cut &gt; 0"><xsl:value-of select="$cut"/></xsl:when>
            <xsl:otherwise>
              <!-- a word longer than the line: break after it -->
              <xsl:value-of select="string-length(substring-before(concat($text, ' '), ' ')) + 1"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="substring($text, 1, $at - 1)"/>
        <xsl:variable name="rest" select="substring($text, $at + 1)"/>
        <xsl:if test="$rest != ''">
          <xsl:text>&#10;</xsl:text><xsl:value-of select="$indent"/>
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="$rest"/><xsl:with-param name="width" select="$width"/>
            <xsl:with-param name="indent" select="$indent"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Position of the last space in $s (0 if none). -->
  <xsl:template name="last-space">
    <xsl:param name="s"/><xsl:param name="offset" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($s, ' ')">
        <xsl:variable name="head" select="string-length(substring-before($s, ' ')) + 1"/>
        <xsl:call-template name="last-space">
          <xsl:with-param name="s" select="substring($s, $head + 1)"/>
          <xsl:with-param name="offset" select="$offset + $head"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$offset"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Security (README "Security"): a URL from the sources becomes a live link only with a safe scheme
       (http, https, mailto) or none (relative, #fragment); javascript:, data:, vbscript: and every other scheme
       are shown unlinked. Checked on the URL as a browser reads it: case-folded, whitespace removed.
       Non-empty output means safe. Shared by the formats that write links (HTML, Markdown). -->
  <xsl:template name="safe-url">
    <xsl:param name="url"/>
    <xsl:variable name="u" select="translate($url, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ &#9;&#10;&#13;', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="scheme" select="substring-before($u, ':')"/>
    <xsl:if test="$u != '' and (not(contains($u, ':')) or contains($scheme, '/') or contains($scheme, '?')
                  or contains($scheme, '#') or $scheme = 'http' or $scheme = 'https' or $scheme = 'mailto')">yes</xsl:if>
  </xsl:template>
</xsl:stylesheet>
