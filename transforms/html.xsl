<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML reading edition: one self-contained page (inline CSS, no scripts, no network), valid HTML5,
     responsive and printable. Everything this edition adds to the source's words carries class="editorial". -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" xmlns:f="urn:x-tei-edition:functions"
                xmlns:func="http://exslt.org/functions" xmlns:exsl="http://exslt.org/common" extension-element-prefixes="func"
                exclude-result-prefixes="t f func exsl">
  <xsl:import href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="css-href" select="''"/>
  <!-- No script, no plugin, no form, no remote fetch may ever run in an edition, whatever a source holds. -->
  <xsl:variable name="csp">default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'</xsl:variable>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$ours"><xsl:call-template name="transcript-page"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="any-page"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The files build writes beside this edition (NAME.xml NAME.html NAME.edition.txt …), space-separated, from
       tei/build.py; empty for `render` of one file, so an edition never links a file that was not written. -->
  <xsl:param name="files" select="''"/>
  <!-- A transcript without sections gets a contents of every Nth turn: about a dozen entries, at least 5 turns
       apart (README "Editions"). -->
  <xsl:variable name="all-turns" select="/t:TEI/t:text/t:body//t:sp[@xml:id]"/>
  <xsl:variable name="turn-step" select="f:max(5, ceiling(count($all-turns) div 12))"/>
  <xsl:variable name="html-file"><xsl:call-template name="file-with-suffix"><xsl:with-param name="suffix" select="'.html'"/></xsl:call-template></xsl:variable>

  <xsl:template name="transcript-page">
    <xsl:variable name="lang" select="(/t:TEI/@xml:lang | /t:TEI/t:teiHeader/t:profileDesc/t:langUsage/t:language[1]/@ident)[1]"/>
    <html lang="{$lang}">
      <head>
        <!-- the charset meta element is written by the XSLT processor's html output method -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="generator" content="tei-edition"/>
        <meta http-equiv="Content-Security-Policy" content="{$csp}"/>
        <title><xsl:call-template name="title"/></title>
        <xsl:call-template name="citation-meta"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
        <style><xsl:call-template name="css"/></style>
      </head>
      <body>
        <a class="skip-link editorial" href="#transcript-heading">Skip to the transcript</a>
        <header class="title-block" id="top">
          <p class="kind">Transcript</p>
          <h1><xsl:call-template name="title"/></h1>
          <xsl:call-template name="metadata"/>
          <xsl:for-each select="/t:TEI/t:teiHeader/t:fileDesc/t:notesStmt/t:note[@type = 'disclaimer']">
            <p class="disclaimer"><xsl:value-of select="normalize-space(.)"/></p>
          </xsl:for-each>
        </header>
        <main>
          <xsl:call-template name="participants"/>
          <xsl:call-template name="contents"/>
          <xsl:call-template name="marks"/>
          <section class="transcript" aria-labelledby="transcript-heading">
            <h2 id="transcript-heading" class="editorial">Transcript</h2>
            <xsl:apply-templates select="/t:TEI/t:text/t:front"/>
            <xsl:apply-templates select="/t:TEI/t:text/t:body/t:div"/>
          </section>
          <xsl:call-template name="notes"/>
          <xsl:call-template name="how-to-cite"/>
        </main>
        <footer class="editorial">
          <p>Edition generated from TEI P5 by tei-edition. Citation links (such as
            <a href="#sp1">sp1</a>) point to turns and paragraphs by their xml:id.</p>
          <p><a href="#top">Back to the top</a></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ===== metadata for citing ============================================================================ -->
  <xsl:variable name="event-iso"><xsl:call-template name="date-iso"/></xsl:variable>
  <!-- The release (publication) date the source prints beside the event's, by its date part. -->
  <xsl:variable name="released-iso" select="substring($header/t:fileDesc/t:sourceDesc/t:bibl/t:date[@type = 'published'][1]/@when, 1, 10)"/>
  <!-- A Public Papers volume tag after the printed date ("July 6, 1989 (Bush Q3)", header.volume-tag): the
       series volume, shown as such and kept out of the date. -->
  <xsl:variable name="date-as-printed"><xsl:call-template name="date-printed"/></xsl:variable>
  <xsl:variable name="volume" select="substring-before(substring-after($date-as-printed, ' ('), ')')"/>
  <xsl:variable name="edition-version" select="$header/t:encodingDesc/t:appInfo/t:application[@ident = 'tei-edition']/@version"/>
  <xsl:variable name="edition-date" select="($header/t:fileDesc/t:editionStmt//t:date | $header/t:fileDesc/t:publicationStmt/t:date)[1]"/>

  <xsl:template name="citation-meta">
    <xsl:param name="lang"/>
    <xsl:variable name="title"><xsl:call-template name="title"/></xsl:variable>
    <xsl:variable name="publisher"><xsl:call-template name="publisher"/></xsl:variable>
    <xsl:variable name="url"><xsl:call-template name="source-url"/></xsl:variable>
    <meta name="DC.title" content="{$title}"/>
    <xsl:for-each select="$header/t:fileDesc/t:titleStmt/t:author">
      <meta name="DC.creator" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:if test="$event-iso != ''"><meta name="DC.date" content="{$event-iso}"/></xsl:if>
    <xsl:if test="$publisher != ''"><meta name="DC.publisher" content="{$publisher}"/></xsl:if>
    <xsl:if test="$url != ''"><meta name="DC.source" content="{$url}"/></xsl:if>
    <meta name="DC.language" content="{$lang}"/>
    <meta name="DC.type" content="Text"/>
    <xsl:if test="$html-file != ''"><meta name="DC.identifier" content="{$html-file}"/></xsl:if>
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="$header/t:fileDesc/t:titleStmt/t:author">
      <meta name="citation_author" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:if test="$event-iso != ''"><meta name="citation_date" content="{translate($event-iso, '-', '/')}"/></xsl:if>
    <xsl:if test="$released-iso != '' or $event-iso != ''">
      <meta name="citation_publication_date" content="{translate(concat($released-iso, substring($event-iso, 1, 10 * not($released-iso))), '-', '/')}"/>
    </xsl:if>
    <xsl:if test="$publisher != ''"><meta name="citation_publisher" content="{$publisher}"/></xsl:if>
    <xsl:if test="$url != ''"><meta name="citation_public_url" content="{$url}"/></xsl:if>
    <meta name="citation_language" content="{$lang}"/>
    <xsl:variable name="pdf"><xsl:call-template name="file-with-suffix"><xsl:with-param name="suffix" select="'.pdf'"/></xsl:call-template></xsl:variable>
    <xsl:if test="$pdf != ''"><meta name="citation_pdf_url" content="{$pdf}"/></xsl:if>
  </xsl:template>

  <!-- The first name in $files ending in $suffix (and not in a longer suffix such as .edition.txt for .txt). -->
  <xsl:template name="file-with-suffix">
    <xsl:param name="suffix"/><xsl:param name="rest" select="concat(normalize-space($files), ' ')"/>
    <xsl:variable name="name" select="substring-before($rest, ' ')"/>
    <xsl:if test="$name != ''">
      <xsl:variable name="ends" select="substring($name, string-length($name) - string-length($suffix) + 1) = $suffix"/>
      <xsl:choose>
        <xsl:when test="$ends and not(contains(substring($name, 1, string-length($name) - string-length($suffix)), '.'))"><xsl:value-of select="$name"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="file-with-suffix"><xsl:with-param name="suffix" select="$suffix"/><xsl:with-param name="rest" select="substring-after($rest, ' ')"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- ===== title block ==================================================================================== -->
  <xsl:template name="metadata">
    <xsl:variable name="speaker"><xsl:call-template name="principal"/></xsl:variable>
    <xsl:variable name="place"><xsl:call-template name="place"/></xsl:variable>
    <xsl:variable name="url"><xsl:call-template name="source-url"/></xsl:variable>
    <xsl:variable name="publisher"><xsl:call-template name="publisher"/></xsl:variable>
    <xsl:variable name="safe-url"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <dl class="meta">
      <xsl:if test="$event-iso != ''">
        <dt>Date</dt><dd><time datetime="{$event-iso}"><xsl:call-template name="date-long"><xsl:with-param name="iso" select="$event-iso"/></xsl:call-template></time></dd>
      </xsl:if>
      <xsl:if test="$released-iso != '' and $released-iso != $event-iso">
        <dt>Released</dt><dd><time datetime="{$released-iso}"><xsl:call-template name="date-long"><xsl:with-param name="iso" select="$released-iso"/></xsl:call-template></time></dd>
      </xsl:if>
      <xsl:if test="$speaker != ''"><dt>Speaker</dt><dd><xsl:value-of select="$speaker"/></dd></xsl:if>
      <xsl:if test="$place != ''"><dt>Place</dt><dd><xsl:value-of select="$place"/></dd></xsl:if>
      <dt>Source</dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$url != '' and string-length($safe-url) > 0"><a href="{$url}"><xsl:value-of select="$publisher"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="$publisher"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$volume != ''"><xsl:value-of select="concat(', volume ', $volume)"/></xsl:if>
      </dd>
      <xsl:if test="$url != ''"><dt>Source URL</dt><dd class="url"><xsl:value-of select="$url"/></dd></xsl:if>
      <xsl:call-template name="edition-line"/>
      <xsl:call-template name="format-links"/>
    </dl>
  </xsl:template>

  <xsl:template name="edition-line">
    <xsl:if test="$edition-version != '' or $edition-date">
      <dt>Edition</dt>
      <dd>
        <xsl:value-of select="concat('tei-edition', substring(' ', 1, string-length($edition-version)), $edition-version)"/>
        <xsl:if test="$edition-date">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="date-long"><xsl:with-param name="iso" select="($edition-date/@when | $edition-date)[1]"/></xsl:call-template>
        </xsl:if>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- Links to the TEI and the other formats written beside this page (only those build wrote). -->
  <xsl:template name="format-links">
    <xsl:variable name="links">
      <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.xml'"/><xsl:with-param name="label" select="'TEI P5 (XML)'"/></xsl:call-template>
      <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.pdf'"/><xsl:with-param name="label" select="'PDF'"/></xsl:call-template>
      <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.edition.txt'"/><xsl:with-param name="label" select="'plain text'"/></xsl:call-template>
      <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.edition.md'"/><xsl:with-param name="label" select="'Markdown'"/></xsl:call-template>
      <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.tsv'"/><xsl:with-param name="label" select="'TSV'"/></xsl:call-template>
      <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.json'"/><xsl:with-param name="label" select="'JSON'"/></xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($links) != ''">
      <dt>Formats</dt>
      <dd class="formats">
        <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.xml'"/><xsl:with-param name="label" select="'TEI P5 (XML)'"/><xsl:with-param name="first" select="true()"/></xsl:call-template>
        <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.pdf'"/><xsl:with-param name="label" select="'PDF'"/></xsl:call-template>
        <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.edition.txt'"/><xsl:with-param name="label" select="'plain text'"/></xsl:call-template>
        <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.edition.md'"/><xsl:with-param name="label" select="'Markdown'"/></xsl:call-template>
        <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.tsv'"/><xsl:with-param name="label" select="'TSV'"/></xsl:call-template>
        <xsl:call-template name="format-link"><xsl:with-param name="suffix" select="'.json'"/><xsl:with-param name="label" select="'JSON'"/></xsl:call-template>
      </dd>
    </xsl:if>
  </xsl:template>
  <xsl:template name="format-link">
    <xsl:param name="suffix"/><xsl:param name="label"/><xsl:param name="first" select="false()"/>
    <xsl:variable name="name"><xsl:call-template name="file-with-suffix"><xsl:with-param name="suffix" select="$suffix"/></xsl:call-template></xsl:variable>
    <xsl:if test="$name != ''"><a class="format" href="{$name}" type="{f:media-type($suffix)}"><xsl:value-of select="$label"/></a><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <func:function name="f:media-type">
    <xsl:param name="suffix"/>
    <func:result select="concat(substring('application/tei+xml', 1, 19 * ($suffix = '.xml')), substring('application/pdf', 1, 15 * ($suffix = '.pdf')),
                                substring('text/plain', 1, 10 * ($suffix = '.edition.txt')), substring('text/markdown', 1, 13 * ($suffix = '.edition.md')),
                                substring('text/tab-separated-values', 1, 25 * ($suffix = '.tsv')), substring('application/json', 1, 16 * ($suffix = '.json')))"/>
  </func:function>
  <func:function name="f:min">
    <xsl:param name="a"/><xsl:param name="b"/>
    <func:result select="($a &lt;= $b) * $a + ($b &lt; $a) * $b"/>
  </func:function>
  <func:function name="f:max">
    <xsl:param name="a"/><xsl:param name="b"/>
    <func:result select="($a &gt;= $b) * $a + ($b &gt; $a) * $b"/>
  </func:function>

  <!-- "How to cite this edition": the source, the edition, and how to cite one paragraph (its id link; no
       script: the page's own address followed by #ID). -->
  <xsl:template name="how-to-cite">
    <xsl:variable name="title"><xsl:call-template name="title"/></xsl:variable>
    <xsl:variable name="speaker"><xsl:call-template name="principal"/></xsl:variable>
    <xsl:variable name="publisher"><xsl:call-template name="publisher"/></xsl:variable>
    <xsl:variable name="url"><xsl:call-template name="source-url"/></xsl:variable>
    <xsl:variable name="example" select="(/t:TEI/t:text/t:body//t:sp/t:p[@xml:id])[1]/@xml:id"/>
    <section class="how-to-cite editorial" aria-labelledby="cite-heading">
      <h2 id="cite-heading">How to cite this edition</h2>
      <p class="citation">
        <xsl:if test="$speaker != ''"><xsl:value-of select="concat($speaker, ', ')"/></xsl:if>
        <xsl:value-of select="concat('“', $title, '”')"/>
        <xsl:if test="$event-iso != ''">
          <xsl:text>, </xsl:text><xsl:call-template name="date-long"><xsl:with-param name="iso" select="$event-iso"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="$publisher != ''"><xsl:value-of select="concat('. ', $publisher)"/></xsl:if>
        <xsl:if test="$volume != ''"><xsl:value-of select="concat(', volume ', $volume)"/></xsl:if>
        <xsl:if test="$released-iso != '' and $released-iso != $event-iso">
          <xsl:text>, released </xsl:text><xsl:call-template name="date-long"><xsl:with-param name="iso" select="$released-iso"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="$url != ''"><xsl:value-of select="concat(', ', $url)"/></xsl:if>
        <xsl:text>. TEI edition by </xsl:text>
        <xsl:value-of select="concat('tei-edition', substring(' ', 1, string-length($edition-version)), $edition-version)"/>
        <xsl:if test="$edition-date">
          <xsl:text>, </xsl:text><xsl:call-template name="date-long"><xsl:with-param name="iso" select="($edition-date/@when | $edition-date)[1]"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="$html-file != ''"><xsl:value-of select="concat(', ', $html-file)"/></xsl:if>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:if test="$example">
        <p class="cite-paragraph">To cite one turn or paragraph, add its citation id to the address of this page:
          <a href="#{$example}"><xsl:value-of select="concat($html-file, '#', $example)"/></a>
          (the ids stand beside each turn and paragraph; each is a link to it).</p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="participants">
    <xsl:variable name="people" select="/t:TEI/t:teiHeader/t:profileDesc/t:particDesc//*[self::t:person or self::t:personGrp]"/>
    <xsl:if test="$people">
      <section class="participants editorial" aria-labelledby="participants-heading">
        <h2 id="participants-heading">Participants</h2>
        <ul>
          <xsl:for-each select="$people">
            <li id="person-{@xml:id}">
              <span class="person-name"><xsl:value-of select="normalize-space((t:persName | t:name)[1])"/></span>
              <xsl:if test="@role"><span class="role"><xsl:value-of select="concat(' (', @role, ')')"/></span></xsl:if>
              <xsl:if test="t:note[@type = 'labels']">
                <span class="labels"><xsl:value-of select="concat(' — ', substring-after(t:note[@type = 'labels'], 'Labels: '))"/></span>
              </xsl:if>
              <xsl:variable name="turns" select="key('turns', @xml:id)"/>
              <xsl:if test="$turns">
                <xsl:text> </xsl:text>
                <a class="turns" href="#{$turns[1]/@xml:id}"><xsl:value-of select="concat(count($turns), ' turn', substring('s', 1, count($turns) != 1))"/></a>
                <!-- every turn, folded: no tab stops until opened -->
                <details class="turn-index">
                  <summary><xsl:value-of select="concat('All turns of ', normalize-space((t:persName | t:name)[1]))"/></summary>
                  <ol class="turn-links">
                    <xsl:for-each select="$turns"><li><a href="#{@xml:id}"><xsl:value-of select="@xml:id"/></a></li></xsl:for-each>
                  </ol>
                </details>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Turns by participant (speaker index) and the sections of the transcript (contents). -->
  <xsl:key name="turns" match="t:sp[@xml:id]" use="substring-after(@who, '#')"/>
  <xsl:template name="contents">
    <xsl:variable name="heads" select="/t:TEI/t:text/t:body//t:head"/>
    <xsl:choose>
      <xsl:when test="count($heads) &gt; 1">
        <nav class="contents editorial" aria-labelledby="contents-heading">
          <h2 id="contents-heading">Contents</h2>
          <ol>
            <xsl:for-each select="$heads">
              <li><a href="#section-{f:number(.)}"><xsl:value-of select="normalize-space(.)"/></a></li>
            </xsl:for-each>
          </ol>
        </nav>
      </xsl:when>
      <xsl:when test="count($all-turns) &gt; $turn-step">
        <nav class="contents editorial" aria-labelledby="contents-heading">
          <h2 id="contents-heading">Contents</h2>
          <ol class="by-turns">
            <xsl:for-each select="$all-turns[position() mod $turn-step = 1]">
              <xsl:variable name="n" select="(position() - 1) * $turn-step + 1"/>
              <xsl:variable name="last" select="f:min($n + $turn-step - 1, count($all-turns))"/>
              <!-- the opening words as the page shows them, without the edition's markers (language, note) -->
              <xsl:variable name="shown"><xsl:apply-templates select="t:p[1]/node()" mode="inline"/></xsl:variable>
              <xsl:variable name="words"><xsl:for-each select="exsl:node-set($shown)//text()[not(ancestor::*[contains(@class, 'editorial')])]"><xsl:value-of select="."/></xsl:for-each></xsl:variable>
              <xsl:variable name="opening" select="normalize-space($words)"/>
              <xsl:variable name="cut"><xsl:call-template name="last-space"><xsl:with-param name="s" select="substring($opening, 1, 60)"/></xsl:call-template></xsl:variable>
              <li>
                <a href="#{@xml:id}"><xsl:value-of select="concat('Turn', substring('s', 1, $last &gt; $n), ' ', $n, substring(concat('–', $last), 1, 20 * ($last &gt; $n)))"/></a>
                <xsl:value-of select="concat(' ', normalize-space(t:speaker), ' ')"/>
                <xsl:choose>
                  <xsl:when test="string-length($opening) &gt; 60 and $cut &gt; 0"><xsl:value-of select="concat(substring($opening, 1, $cut - 1), '…')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$opening"/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ol>
        </nav>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A visible legend of the editorial marks this transcript uses: what each is, who made the inferred ones and
       with what certainty (README "Editions"). -->
  <xsl:template name="marks">
    <xsl:variable name="body" select="/t:TEI/t:text/t:body"/>
    <!-- one walk of the body for the gaps, filtered four ways -->
    <xsl:variable name="gaps" select="$body//t:gap"/>
    <xsl:variable name="lacunae" select="$gaps[@resp = '#tei-edition']"/>
    <xsl:variable name="supplied" select="$body//t:sp[t:speaker/t:supplied]"/>
    <xsl:variable name="inaudible" select="$gaps[@reason = 'inaudible']"/>
    <xsl:variable name="untranscribed" select="$gaps[@reason = 'untranscribed' or @reason = 'untranslated']"/>
    <xsl:variable name="crosstalk" select="$gaps[@reason = 'crosstalk']"/>
    <xsl:if test="$lacunae or $supplied or $inaudible or $untranscribed or $crosstalk">
      <section class="marks editorial" aria-labelledby="marks-heading">
        <h2 id="marks-heading">Editorial marks</h2>
        <dl>
          <xsl:if test="$inaudible">
            <dt><span class="gap gap-inaudible"><xsl:value-of select="f:sample($inaudible)"/></span></dt>
            <dd>words the source marks as inaudible, in the source's own wording (<xsl:value-of select="count($inaudible)"/>)</dd>
          </xsl:if>
          <xsl:if test="$untranscribed">
            <dt><span class="gap untranscribed"><xsl:value-of select="f:sample($untranscribed)"/></span></dt>
            <dd>speech the source did not transcribe or translate, in its own wording (<xsl:value-of select="count($untranscribed)"/>)</dd>
          </xsl:if>
          <xsl:if test="$crosstalk">
            <dt><span class="gap gap-crosstalk"><xsl:value-of select="f:sample($crosstalk)"/></span></dt>
            <dd>several people speaking at once, as the source marks it (<xsl:value-of select="count($crosstalk)"/>)</dd>
          </xsl:if>
          <xsl:if test="$lacunae">
            <dt><span class="gap lacuna">[material skipped in the source]</span></dt>
            <dd>inferred by tei-edition, not printed in the source: a turn breaks off with a dash and the next resumes with
              one after a break; certainty <xsl:value-of select="f:certs($lacunae)"/> (<xsl:value-of select="count($lacunae)"/>)</dd>
          </xsl:if>
          <xsl:if test="$supplied">
            <dt><span class="speaker"><span class="supplied"><xsl:value-of select="concat('[', normalize-space($supplied[1]/t:speaker), ']')"/></span></span></dt>
            <dd>a turn printed without a speaker label; the speaker is supplied by tei-edition, certainty
              <xsl:value-of select="f:certs($supplied)"/>, with the rule in a note (<xsl:value-of select="count($supplied)"/>)</dd>
          </xsl:if>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>
  <!-- A mark as the page shows it: the first one's wording, in brackets. -->
  <func:function name="f:sample">
    <xsl:param name="nodes"/>
    <func:result select="concat('[', normalize-space(($nodes[1]/t:desc | $nodes[1]/t:gap/t:desc)[1]), ']')"/>
  </func:function>
  <!-- The certainties recorded on some inferred elements, e.g. "medium" or "medium or low". -->
  <func:function name="f:certs">
    <xsl:param name="nodes"/>
    <xsl:variable name="s">
      <xsl:if test="$nodes[@cert = 'high']"> or high</xsl:if>
      <xsl:if test="$nodes[@cert = 'medium']"> or medium</xsl:if>
      <xsl:if test="$nodes[@cert = 'low']"> or low</xsl:if>
      <xsl:if test="$nodes[not(@cert)]"> or unknown</xsl:if>
    </xsl:variable>
    <func:result select="substring($s, 5)"/>
  </func:function>

  <!-- ===== the text ======================================================================================= -->
  <xsl:template match="t:front">
    <details class="source-header">
      <summary class="editorial">Header as printed in the source</summary>
      <xsl:for-each select="*">
        <p class="front-{local-name()}"><xsl:apply-templates mode="inline"/></p>
      </xsl:for-each>
    </details>
  </xsl:template>

  <xsl:template match="t:div">
    <section class="div">
      <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates select="*"/>
    </section>
  </xsl:template>

  <xsl:template match="t:head">
    <h3 id="section-{f:number(.)}"><xsl:apply-templates mode="inline"/><xsl:text> </xsl:text><a class="anchor editorial" href="#section-{f:number(.)}" aria-label="Link to this section">§</a></h3>
  </xsl:template>

  <xsl:template match="t:stage"><p class="stage"><xsl:apply-templates mode="inline"/></p></xsl:template>

  <xsl:template match="t:div/t:p"><xsl:call-template name="cited-p"/></xsl:template>

  <!-- (priority: the event-line template below also matches, and would win as the later of equal rank) -->
  <xsl:template match="t:div/t:gap[@resp = '#tei-edition']" priority="1">
    <p class="lacuna editorial" role="note">[material skipped in the source] <span class="cert"><xsl:call-template name="inferred"/></span></p>
  </xsl:template>

  <xsl:template match="t:div/t:gap | t:div/t:vocal | t:div/t:kinesic | t:div/t:incident | t:div/t:pause
                       | t:div/t:note | t:sp/t:gap | t:sp/t:vocal | t:sp/t:kinesic | t:sp/t:incident | t:sp/t:pause">
    <p class="event-line"><xsl:apply-templates select="." mode="inline"/></p>
  </xsl:template>

  <xsl:variable name="any-ana" select="boolean(//*[@ana])"/>
  <xsl:template match="t:sp">
    <xsl:variable name="who" select="substring-after(@who, '#')"/>
    <!-- a short turn (one short paragraph) is set run-in on paper: the label and the text on one line -->
    <xsl:variable name="short" select="count(t:p) = 1 and count(*[not(self::t:speaker or self::t:note[not(@place = 'inline')])]) = 1
                                       and (string-length(t:p) &lt; 400 or string-length(normalize-space(t:p)) &lt; 400)"/>
    <!-- (the raw length first: normalize-space only shortens, and most short turns are short either way) -->
    <div class="sp{substring(' short', 1, 6 * $short)}" id="{@xml:id}" data-who="{$who}">
      <p class="speaker">
        <a class="cite editorial" href="#{@xml:id}" title="Link to this turn"><xsl:value-of select="@xml:id"/></a>
        <xsl:choose>
          <xsl:when test="t:speaker/t:supplied">
            <a class="who supplied editorial" href="#person-{$who}">
              <xsl:value-of select="concat('[', normalize-space(t:speaker), ']')"/></a>
            <span class="badge editorial"><xsl:value-of select="concat('supplied', substring(', certainty ', 1, 13 * boolean(@cert)), @cert)"/></span>
          </xsl:when>
          <xsl:otherwise>
            <a class="who" href="#person-{$who}"><xsl:apply-templates select="t:speaker/node()" mode="inline"/></a>
          </xsl:otherwise>
        </xsl:choose>
        <!-- $any-ana first: most transcripts have no @ana at all, and the descendant scan builds a string per
             element (so [@ana] before it, too) -->
        <xsl:if test="$any-ana and .//*[@ana][contains(concat(' ', @ana, ' '), ' #interpreted ')]">
          <span class="badge editorial">interpreted</span>
        </xsl:if>
        <xsl:if test="$any-ana and .//*[@ana][contains(concat(' ', @ana, ' '), ' #interpreting ')]">
          <span class="badge editorial">interpreting</span>
        </xsl:if>
        <xsl:apply-templates select="t:note[not(@place = 'inline')]" mode="inline"/>
      </p>
      <xsl:apply-templates select="*[not(self::t:speaker or self::t:note[not(@place = 'inline')])]"/>
    </div>
  </xsl:template>

  <xsl:template match="t:sp/t:p"><xsl:call-template name="cited-p"/></xsl:template>

  <xsl:template match="t:sp/t:note[@place = 'inline'] | t:sp/t:stage">
    <p class="event-line"><xsl:apply-templates select="." mode="inline"/></p>
  </xsl:template>

  <!-- A paragraph with its id and citation link (when it has an xml:id). The id as an attribute value template
       of a literal element: xsl:attribute evaluates its content into a temporary tree, on every paragraph. -->
  <xsl:template name="cited-p">
    <xsl:choose>
      <xsl:when test="@xml:id">
        <p id="{@xml:id}"><a class="cite editorial" href="#{@xml:id}" title="Link to this paragraph"><xsl:value-of select="@xml:id"/></a><xsl:apply-templates mode="inline"/></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:apply-templates mode="inline"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== inline (overrides the text forms of common.xsl) ================================================ -->
  <xsl:template match="t:gap" mode="inline">
    <span class="gap gap-{@reason}" title="{@reason}">
      <xsl:value-of select="concat('[', normalize-space(t:desc), ']')"/>
    </span>
  </xsl:template>

  <xsl:template match="t:foreign[t:gap]" mode="inline">
    <xsl:variable name="language"><xsl:call-template name="language-name"><xsl:with-param name="code" select="@xml:lang"/></xsl:call-template></xsl:variable>
    <span class="gap untranscribed" title="Untranscribed speech in {$language}">
      <xsl:value-of select="concat('[', normalize-space(t:gap/t:desc), ']')"/>
    </span>
  </xsl:template>

  <xsl:template match="t:gap[@resp = '#tei-edition']" mode="inline">
    <span class="gap lacuna editorial">[material skipped in the source <span class="cert"><xsl:call-template name="inferred"/></span>]</span>
  </xsl:template>

  <xsl:template match="t:vocal | t:kinesic | t:incident | t:pause" mode="inline">
    <span class="event {local-name()}"><xsl:call-template name="remark-text"/></span>
  </xsl:template>

  <xsl:template match="t:foreign" mode="inline">
    <xsl:variable name="language"><xsl:call-template name="language-name"><xsl:with-param name="code" select="@xml:lang"/></xsl:call-template></xsl:variable>
    <span class="foreign" lang="{@xml:lang}"><xsl:apply-templates mode="inline"/></span>
    <sup class="lang-marker editorial"><abbr title="{$language}"><xsl:value-of select="@xml:lang"/></abbr></sup>
  </xsl:template>

  <xsl:template match="t:note[@place = 'inline']" mode="inline">
    <span class="source-note"><xsl:call-template name="open"/><xsl:apply-templates mode="inline"/><xsl:call-template name="close"/></span>
  </xsl:template>

  <xsl:template name="note-ref">
    <xsl:variable name="n"><xsl:call-template name="note-number"/></xsl:variable>
    <sup class="noteref editorial"><a id="noteref-{$n}" href="#note-{$n}" aria-label="Note {$n}"><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <xsl:template match="t:hi | t:emph" mode="inline"><em><xsl:apply-templates mode="inline"/></em></xsl:template>
  <xsl:template match="t:del" mode="inline"><del><xsl:apply-templates mode="inline"/></del></xsl:template>
  <xsl:template match="t:add" mode="inline"><ins class="add">[<xsl:apply-templates mode="inline"/>]</ins></xsl:template>
  <xsl:template match="t:supplied" mode="inline"><span class="supplied editorial">[<xsl:apply-templates mode="inline"/>]</span></xsl:template>
  <xsl:template match="t:unclear" mode="inline"><span class="unclear" title="uncertain reading"><xsl:apply-templates mode="inline"/></span></xsl:template>
  <xsl:template match="t:ref[@target]" mode="inline">
    <xsl:variable name="safe"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="@target"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="string-length($safe) > 0"><a href="{@target}"><xsl:apply-templates mode="inline"/></a></xsl:when>
      <xsl:otherwise><span class="ref"><xsl:apply-templates mode="inline"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:persName | t:placeName | t:orgName | t:name | t:date" mode="inline">
    <span class="{local-name()}"><xsl:apply-templates mode="inline"/></span>
  </xsl:template>
  <xsl:template match="t:lb" mode="inline"><br/></xsl:template>

  <!-- ===== notes ========================================================================================== -->
  <xsl:template name="notes">
    <xsl:variable name="notes" select="/t:TEI/t:text/t:body//t:note[not(@place = 'inline')]"/>
    <xsl:if test="$notes">
      <section class="notes editorial" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n"><xsl:call-template name="note-number"/></xsl:variable>
            <li id="note-{$n}"><xsl:apply-templates mode="inline"/><xsl:text> </xsl:text>
              <a class="backref" href="#noteref-{$n}" aria-label="Back to the text of note {$n}">↩</a></li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== any TEI (the generic renderer; see common.xsl) ================================================= -->
  <xsl:template name="any-page">
    <xsl:variable name="lang" select="(/t:TEI/t:text/@xml:lang | /t:TEI/@xml:lang | /t:TEI/t:teiHeader/t:profileDesc/t:langUsage/t:language[1]/@ident)[1]"/>
    <xsl:variable name="title"><xsl:call-template name="any-title"/></xsl:variable>
    <xsl:variable name="authors"><xsl:call-template name="any-authors"/></xsl:variable>
    <html lang="{f:lang(concat($lang, substring('und', 1, 3 * not($lang))))}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <title><xsl:value-of select="$title"/></title>
        <style><xsl:call-template name="css"/><xsl:call-template name="any-css"/></style>
      </head>
      <body>
        <header class="title-block">
          <p class="kind">TEI edition</p>
          <h1><xsl:value-of select="$title"/></h1>
          <dl class="meta">
            <xsl:if test="$authors != ''"><dt>Author</dt><dd><xsl:value-of select="$authors"/></dd></xsl:if>
            <xsl:for-each select="($header/t:fileDesc/t:publicationStmt/t:publisher)[1]">
              <dt>Publisher</dt><dd><xsl:value-of select="normalize-space(.)"/></dd>
            </xsl:for-each>
          </dl>
        </header>
        <main>
          <xsl:call-template name="any-toc"/>
          <section class="transcript" data-tei="any" aria-label="Text">
            <xsl:apply-templates select="/t:TEI/t:text" mode="hgen"/>
          </section>
          <xsl:if test="$FOOTNOTES">
            <section class="notes" aria-labelledby="notes-heading">
              <h2 id="notes-heading" class="editorial">Notes</h2>
              <ol>
                <xsl:for-each select="$FOOTNOTES">
                  <xsl:variable name="n" select="f:number(.)"/>
                  <li id="note-{$n}"><xsl:apply-templates mode="hgeni"/><xsl:text> </xsl:text>
                    <a class="backref editorial" href="#noteref-{$n}" aria-label="Back to the text of note {$n}">↩</a></li>
                </xsl:for-each>
              </ol>
            </section>
          </xsl:if>
        </main>
        <footer class="editorial">
          <p>Edition generated from TEI P5 by tei-edition (generic renderer for TEI outside the project's
            customization).</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- Table of contents: every division with a heading, when there are two or more. -->
  <xsl:template name="any-toc">
    <xsl:variable name="divs" select="/t:TEI/t:text//*[self::t:div or self::t:div1 or self::t:div2 or self::t:div3][t:head]"/>
    <xsl:if test="count($divs) &gt; 1">
      <nav class="toc editorial" aria-labelledby="toc-heading">
        <h2 id="toc-heading">Contents</h2>
        <ol>
          <xsl:for-each select="$divs">
            <xsl:variable name="heading"><xsl:apply-templates select="t:head[1]/node()" mode="toc"/></xsl:variable>
            <li class="toc-{f:depth(.)}"><a href="#{f:section-id(.)}"><xsl:value-of select="normalize-space($heading)"/></a></li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="t:teiHeader | t:facsimile | t:standOff | t:sourceDoc" mode="hgen"/>

  <!-- A pointer target with no words (anchor): an empty element keeps its id for links. -->
  <xsl:template name="h-silent">
    <xsl:if test="f:id(.) != ''"><span class="tei-{local-name()}" id="{f:id(.)}"></span></xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="hgen">
    <xsl:choose>
      <xsl:when test="(namespace-uri() = $TEI_NS and contains($SILENT, concat(' ', local-name(), ' ')))"><xsl:call-template name="h-silent"/></xsl:when>
      <xsl:when test="f:container(.)">
        <div class="tei-{local-name()}"><xsl:call-template name="h-attrs"/><xsl:call-template name="hchildren"/></div>
      </xsl:when>
      <xsl:when test="(namespace-uri() = $TEI_NS and contains($FLOATING, concat(' ', local-name(), ' '))) and not(self::t:note)">
        <p class="tei-{local-name()}"><xsl:apply-templates select="." mode="hgeni"/></p>
      </xsl:when>
      <xsl:when test="self::t:p or self::t:ab">
        <p class="tei-{local-name()}"><xsl:call-template name="h-attrs"/><xsl:apply-templates mode="hgeni"/></p>
      </xsl:when>
      <xsl:otherwise>
        <div class="tei-{local-name()}"><xsl:call-template name="h-attrs"/><xsl:call-template name="hparts"/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- id (when usable), language and type of an element. -->
  <xsl:template name="h-id">
    <xsl:variable name="id" select="f:id(.)"/>
    <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
  </xsl:template>
  <xsl:template name="h-attrs">
    <xsl:call-template name="h-id"/>
    <xsl:if test="@xml:lang != ''"><xsl:attribute name="lang"><xsl:value-of select="f:lang(@xml:lang)"/></xsl:attribute></xsl:if>
    <xsl:if test="normalize-space(@type) != ''"><xsl:attribute name="data-type"><xsl:value-of select="normalize-space(@type)"/></xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:template name="hchildren">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::t:*[contains($BLOCKS, concat(' ', local-name(), ' ')) or self::t:seg[parent::t:u]
                                  or contains($PLACED, concat(' ', local-name(), ' ')) and f:blockish(.)]"><xsl:apply-templates select="." mode="hgen"/></xsl:when>
        <xsl:when test="self::comment() or self::processing-instruction() or self::text()[not(normalize-space())]"/>
        <xsl:when test="not(f:prev(.)[not(f:blockish(.))])">
          <p class="run"><xsl:call-template name="hrun"/></p>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
  <xsl:template name="hrun">
    <xsl:apply-templates select="." mode="hgeni"/>
    <xsl:for-each select="f:run-next(.)"><xsl:call-template name="hrun"/></xsl:for-each>
  </xsl:template>

  <!-- A heading as the contents list shows it: its words, a line break as a space, without its notes. -->
  <xsl:template match="t:note | t:pb | t:fw" mode="toc"/>
  <xsl:template match="t:lb | t:cb" mode="toc"><xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if></xsl:template>
  <xsl:template match="t:choice | t:app" mode="toc"><xsl:apply-templates select="f:reading(.)" mode="toc"/></xsl:template>

  <!-- The id of a division for the table of contents: its own, or one made from its position. -->
  <func:function name="f:section-id">
    <xsl:param name="div"/>
    <xsl:variable name="own" select="f:id($div)"/>
    <xsl:variable name="made"><xsl:for-each select="$div">s<xsl:number level="multiple" count="t:div | t:div1 | t:div2 | t:div3 | t:body | t:front | t:back" format="1-1"/></xsl:for-each></xsl:variable>
    <func:result select="concat($own, substring($made, 1, string-length($made) * not($own)))"/>
  </func:function>

  <xsl:template match="t:div | t:div1 | t:div2 | t:div3 | t:div4 | t:div5 | t:div6 | t:div7" mode="hgen">
    <section class="tei-{local-name()}" id="{f:section-id(.)}">
      <xsl:if test="@xml:lang != ''"><xsl:attribute name="lang"><xsl:value-of select="f:lang(@xml:lang)"/></xsl:attribute></xsl:if>
      <xsl:call-template name="hchildren"/>
    </section>
  </xsl:template>

  <xsl:template match="t:head" mode="hgen">
    <xsl:choose>
      <xsl:when test="f:container(.)"><div class="tei-head"><xsl:call-template name="hchildren"/></div></xsl:when>
      <xsl:when test="parent::t:body or parent::t:front or parent::t:back or parent::t:div or parent::t:div1 or parent::t:div2 or parent::t:div3 or parent::t:div4 or parent::t:div5 or parent::t:div6 or parent::t:div7">
        <xsl:element name="h{substring('23456', 1 + (f:depth(.) &gt; 4) * 4 + (f:depth(.) &lt;= 4) * f:depth(.), 1)}">
          <xsl:attribute name="class">tei-head</xsl:attribute>
          <xsl:apply-templates mode="hgeni"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise><p class="tei-head"><xsl:apply-templates mode="hgeni"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:l" mode="hgen">
    <div class="tei-l"><xsl:call-template name="h-attrs"/>
      <xsl:if test="normalize-space(@n) != ''"><span class="line-number editorial"><xsl:value-of select="@n"/></span></xsl:if>
      <xsl:apply-templates mode="hgeni"/></div>
  </xsl:template>

  <xsl:template match="t:sp" mode="hgen">
    <div class="sp tei-sp"><xsl:call-template name="h-attrs"/>
      <xsl:if test="@who and not(t:speaker)">
        <p class="speaker supplied editorial"><xsl:value-of select="concat('[', f:who-name(@who), ']')"/></p>
      </xsl:if>
      <xsl:call-template name="hchildren"/>
    </div>
  </xsl:template>
  <xsl:template match="t:speaker" mode="hgen"><p class="speaker tei-speaker"><xsl:apply-templates mode="hgeni"/></p></xsl:template>
  <xsl:template match="t:stage" mode="hgen"><p class="stage tei-stage"><xsl:apply-templates mode="hgeni"/></p></xsl:template>
  <xsl:template match="t:note[@type = 'speaker']" mode="hgen"><p class="speaker tei-note"><xsl:apply-templates mode="hgeni"/></p></xsl:template>

  <xsl:template match="t:u" mode="hgen">
    <xsl:variable name="who" select="f:who(.)"/>
    <div class="sp tei-u"><xsl:call-template name="h-attrs"/>
      <xsl:if test="$who">
        <xsl:attribute name="data-who"><xsl:value-of select="substring-after($who, '#')"/></xsl:attribute>
        <xsl:if test="not(preceding-sibling::*[1]/self::t:note[@type = 'speaker'])">
          <p class="speaker supplied editorial"><xsl:value-of select="concat('[', f:who-name($who), ']')"/></p>
        </xsl:if>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="f:container(.)"><xsl:call-template name="hchildren"/></xsl:when>
        <xsl:otherwise><p><xsl:apply-templates mode="hgeni"/></p></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template match="t:list | t:listBibl | t:castList | t:castGroup | t:listPerson | t:listPlace | t:listOrg | t:listEvent" mode="hgen">
    <xsl:for-each select="t:head"><p class="tei-head list-head"><xsl:apply-templates mode="hgeni"/></p></xsl:for-each>
    <ul class="tei-{local-name()}"><xsl:call-template name="h-attrs"/>
      <xsl:for-each select="node()[not(self::t:head)][self::* or self::text()[normalize-space()]]">
        <li class="tei-{local-name()}">
          <xsl:if test="self::*"><xsl:call-template name="h-id"/></xsl:if>
          <xsl:choose>
            <xsl:when test="self::* and f:container(.)"><xsl:call-template name="hchildren"/></xsl:when>
            <xsl:when test="self::*"><xsl:call-template name="hparts"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="t:table" mode="hgen">
    <div class="table-wrap">
      <table class="tei-table"><xsl:call-template name="h-attrs"/>
        <xsl:for-each select="t:head[1]"><caption><xsl:apply-templates mode="hgeni"/></caption></xsl:for-each>
        <xsl:for-each select="t:row">
          <tr><xsl:call-template name="h-id"/>
            <xsl:for-each select="t:cell">
              <xsl:element name="{substring('tdth', 1 + 2 * (@role = 'label' or ../@role = 'label'), 2)}">
                <xsl:call-template name="h-id"/>
                <xsl:if test="number(@cols) &gt; 1"><xsl:attribute name="colspan"><xsl:value-of select="number(@cols)"/></xsl:attribute></xsl:if>
                <xsl:if test="number(@rows) &gt; 1"><xsl:attribute name="rowspan"><xsl:value-of select="number(@rows)"/></xsl:attribute></xsl:if>
                <xsl:choose>
                  <xsl:when test="f:container(.)"><xsl:call-template name="hchildren"/></xsl:when>
                  <xsl:otherwise><xsl:apply-templates mode="hgeni"/></xsl:otherwise>
                </xsl:choose>
              </xsl:element>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </table>
      <xsl:for-each select="t:head[position() &gt; 1] | *[not(self::t:head or self::t:row)]"><xsl:apply-templates select="." mode="hgen"/></xsl:for-each>
    </div>
  </xsl:template>

  <!-- inline -->
  <xsl:template match="text()" mode="hgeni">
    <xsl:choose>
      <xsl:when test="$WORD_BREAKS and (following-sibling::node()[1]/self::*[@break = 'no'][self::t:lb or self::t:pb or self::t:cb] or preceding-sibling::node()[1]/self::*[@break = 'no'][self::t:lb or self::t:pb or self::t:cb])">
        <xsl:call-template name="trim-at-breaks"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="hgeni">
    <xsl:choose>
      <xsl:when test="(namespace-uri() = $TEI_NS and contains($SILENT, concat(' ', local-name(), ' ')))"><xsl:call-template name="h-silent"/></xsl:when>
      <xsl:when test="f:blockish-name(.)">
        <span class="tei-{local-name()} block"><xsl:call-template name="h-id"/><xsl:apply-templates mode="hgeni"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:if test="self::t:w"><xsl:call-template name="token-boundary"/></xsl:if><span class="tei-{local-name()}{substring(' rend-', 1, 6 * boolean(normalize-space(@rend)))}{translate(normalize-space(@rend), ' ()#', '-')}"><xsl:call-template name="h-id"/>
        <xsl:choose>
          <xsl:when test="*"><xsl:call-template name="hparts"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates mode="hgeni"/></xsl:otherwise>
        </xsl:choose>
      </span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- An element's content; the parts of one of element-only content apart (common.xsl: gparts). -->
  <xsl:template name="hparts">
    <xsl:choose>
      <xsl:when test="f:parts-apart(.)"><xsl:for-each select="node()"><xsl:call-template name="part-boundary"/><xsl:apply-templates select="." mode="hgeni"/></xsl:for-each></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="hgeni"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="t:hi | t:emph" mode="hgeni">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="f:rend(., 'bold') or f:rend(., 'b')">strong</xsl:when>
        <xsl:when test="f:rend(., 'sup') or f:rend(., 'superscript')">sup</xsl:when>
        <xsl:when test="f:rend(., 'sub') or f:rend(., 'subscript')">sub</xsl:when>
        <xsl:when test="f:rend(., 'strikethrough') or f:rend(., 'overstrike')">s</xsl:when>
        <xsl:when test="f:rend(., 'smallcaps') or f:rend(., 'smcap') or f:rend(., 'underline') or f:rend(., 'u')
                        or f:rend(., 'typewriter') or f:rend(., 'capsall') or f:rend(., 'normalweight')
                        or f:rend(., 'pre-print') or f:rend(., 'antiqua') or f:rend(., 'capitals')">span</xsl:when>
        <xsl:otherwise>em</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:call-template name="h-id"/>
      <xsl:attribute name="class">tei-<xsl:value-of select="local-name()"/><xsl:for-each select="@rend"><xsl:value-of select="concat(' rend-', translate(normalize-space(.), ' ()#', '-'))"/></xsl:for-each></xsl:attribute>
      <xsl:apply-templates mode="hgeni"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="t:foreign" mode="hgeni">
    <span class="tei-foreign"><xsl:if test="@xml:lang != ''"><xsl:attribute name="lang"><xsl:value-of select="f:lang(@xml:lang)"/></xsl:attribute></xsl:if><xsl:apply-templates mode="hgeni"/></span>
  </xsl:template>

  <xsl:template match="t:choice | t:app" mode="hgeni">
    <xsl:variable name="shown" select="f:reading(.)"/>
    <xsl:variable name="other">
      <xsl:for-each select="(* | t:rdgGrp/*)[not(self::t:rdgGrp)][count(. | $shown) != 1]">
        <xsl:if test="position() &gt; 1"> / </xsl:if>
        <xsl:value-of select="concat(local-name(), substring(' ', 1, string-length(@wit)), @wit, ': ', normalize-space(.))"/>
      </xsl:for-each>
    </xsl:variable>
    <span class="tei-choice{substring(concat(' tei-', local-name()), 1, 99 * not(self::t:choice))}" title="{$other}" tabindex="0"><xsl:apply-templates select="$shown" mode="hgeni"/></span>
  </xsl:template>

  <xsl:template match="t:lb" mode="hgeni">
    <xsl:if test="not(@break = 'no')"><br/></xsl:if>
  </xsl:template>
  <xsl:template match="t:cb" mode="hgeni">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="t:pb" mode="hgeni">
    <xsl:if test="not(@break = 'no')">
      <span class="pb editorial" role="note"><xsl:value-of select="concat('[', f:page(.), ']')"/></span>
    </xsl:if>
  </xsl:template>
  <xsl:template match="t:milestone" mode="hgeni">
    <span class="milestone editorial"><xsl:value-of select="concat('[', normalize-space(concat(@unit, ' ', @n)), ']')"/></span>
  </xsl:template>
  <xsl:template match="t:space" mode="hgeni"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="t:supplied" mode="hgeni">
    <span class="tei-supplied" title="supplied by the editor{substring(': ', 1, 2 * boolean(@reason))}{@reason}">&#x27E8;<xsl:apply-templates mode="hgeni"/>&#x27E9;</span>
  </xsl:template>
  <xsl:template match="t:unclear" mode="hgeni"><span class="tei-unclear" title="uncertain reading"><xsl:apply-templates mode="hgeni"/></span></xsl:template>
  <xsl:template match="t:del" mode="hgeni"><del class="tei-del"><xsl:apply-templates mode="hgeni"/></del></xsl:template>
  <xsl:template match="t:add" mode="hgeni"><ins class="tei-add"><xsl:apply-templates mode="hgeni"/></ins></xsl:template>
  <xsl:template match="t:damage" mode="hgeni"><span class="tei-damage" title="damaged"><xsl:apply-templates mode="hgeni"/></span></xsl:template>
  <xsl:template match="t:gap" mode="hgeni">
    <span class="gap block-gap" title="{normalize-space(concat('gap ', @reason))}">
      <xsl:choose>
        <xsl:when test="t:desc"><xsl:call-template name="bracketed-desc"><xsl:with-param name="open" select="'['"/><xsl:with-param name="close" select="']'"/></xsl:call-template></xsl:when>
        <xsl:otherwise><span class="editorial">[…]</span></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
  <xsl:template match="t:vocal | t:kinesic | t:incident | t:pause | t:shift" mode="hgeni">
    <span class="event tei-{local-name()} boundary">
      <xsl:choose>
        <xsl:when test="t:desc"><xsl:call-template name="bracketed-desc"/></xsl:when>
        <xsl:when test="normalize-space()">(<xsl:apply-templates mode="hgeni"/>)</xsl:when>
        <xsl:otherwise><span class="editorial"><xsl:value-of select="concat('(', local-name(), substring(' ', 1, string-length(@type)), @type, ')')"/></span></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
  <xsl:template match="t:note" mode="hgeni">
    <xsl:variable name="n" select="f:number(.)"/>
    <xsl:choose>
      <xsl:when test="$n != ''">
        <sup class="noteref editorial"><a id="noteref-{$n}" href="#note-{$n}" aria-label="Note {$n}"><xsl:value-of select="$n"/></a></sup>
      </xsl:when>
      <xsl:otherwise><span class="tei-note block"><xsl:apply-templates mode="hgeni"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="t:desc" mode="hgeni"><span class="tei-desc block"><xsl:apply-templates mode="hgeni"/></span></xsl:template>
  <!-- Links: only to places inside the page, or http(s) and mailto; no fetch of anything (graphic: its URL). -->
  <xsl:template match="t:ref | t:ptr" mode="hgeni">
    <xsl:variable name="target" select="normalize-space(substring-before(concat(@target, ' '), ' '))"/>
    <xsl:variable name="safe" select="starts-with($target, '#') and count(key('ids', substring($target, 2))) = 1
                  or starts-with($target, 'https://') or starts-with($target, 'http://') or starts-with($target, 'mailto:')"/>
    <xsl:choose>
      <xsl:when test="$safe and not(ancestor::t:ref)">
        <a class="tei-{local-name()}" href="{$target}">
          <xsl:apply-templates mode="hgeni"/>
          <xsl:if test="self::t:ptr"><span class="editorial"><xsl:value-of select="$target"/></span></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="tei-{local-name()}"><xsl:apply-templates mode="hgeni"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="t:persName | t:placeName | t:orgName | t:name | t:date | t:time | t:rs" mode="hgeni">
    <span class="tei-{local-name()}"><xsl:call-template name="h-id"/><xsl:if test="@when"><xsl:attribute name="title"><xsl:value-of select="@when"/></xsl:attribute></xsl:if><xsl:apply-templates mode="hgeni"/></span>
  </xsl:template>
  <!-- An image is not fetched: a marker of the edition's own, then what the graphic says of it (its desc). -->
  <xsl:template match="t:graphic" mode="hgeni">
    <xsl:choose>
      <xsl:when test="*"><span class="tei-graphic"><span class="editorial" title="{@url}">[image]</span><xsl:text> </xsl:text><xsl:apply-templates mode="hgeni"/></span></xsl:when>
      <xsl:otherwise><span class="tei-graphic editorial" title="{@url}">[image]</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="t:q | t:said | t:quote[not(f:container(.))]" mode="hgeni">
    <q class="tei-{local-name()}"><xsl:apply-templates mode="hgeni"/></q>
  </xsl:template>

  <xsl:template name="any-css">
.transcript .tei-p, .transcript .run, .transcript .tei-ab { margin: 0 0 .7rem; }
.tei-lg { margin: 0 0 1rem; } .tei-l { padding-left: 2.5rem; text-indent: -1rem; position: relative; }
.line-number { position: absolute; left: -1.2rem; width: 2.6rem; text-align: right; font: .7rem/1.9 ui-monospace, monospace; color: #6e6e73; text-indent: 0; }
.tei-sp { margin: 0 0 1rem; } .tei-speaker, .speaker { font-variant: small-caps; }
.tei-stage, .stage { font-style: italic; color: var(--muted); }
.tei-opener, .tei-closer { margin: 1rem 0; } .tei-closer, .tei-signed, .tei-dateline { text-align: right; }
.tei-salute { margin: .5rem 0; } .tei-postscript { margin-top: 1rem; font-size: .95em; }
.tei-addrLine, .block, .tei-castItem { display: block; }
.tei-head.list-head { font-weight: 600; }
.pb, .milestone { font: .7rem/1 system-ui, sans-serif; color: #6e6e73; margin: 0 .2rem; }
.tei-choice { text-decoration: underline dotted; cursor: help; }
.tei-supplied { color: #5a3d2b; } .tei-unclear { text-decoration: underline wavy #999; }
.tei-del { text-decoration: line-through; } .tei-add { text-decoration: none; vertical-align: .2em; font-size: .9em; }
.rend-bold { font-weight: 700; } .rend-smallcaps, .rend-smcap { font-variant: small-caps; } .rend-underline { text-decoration: underline; }
.rend-right { display: block; text-align: right; } .rend-left, .rend-center { display: block; } .rend-center { text-align: center; }
.rend-italic, .rend-it, .rend-i { font-style: italic; }
.rend-typewriter { font-family: ui-monospace, monospace; } .rend-capsall { text-transform: uppercase; }
.table-wrap { overflow-x: auto; } table.tei-table { border-collapse: collapse; margin: 0 0 1rem; font-size: .95em; }
table.tei-table td, table.tei-table th { border: 1px solid var(--rule); padding: .2rem .4rem; vertical-align: top; }
.toc ol { list-style: none; padding: 0; font: .9rem/1.5 system-ui, sans-serif; }
.toc .toc-2 { padding-left: 1rem; } .toc .toc-3 { padding-left: 2rem; } .toc .toc-4 { padding-left: 3rem; }
ul.tei-list, ul.tei-listBibl, ul.tei-castList, ul.tei-castGroup { padding-left: 1.2rem; }
  </xsl:template>
  <!-- A string inside a CSS "…" literal: backslash, quote and "<" (which could end the style element) escaped. -->
  <xsl:template name="css-string">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, '\&quot;&lt;', '') = $s"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="c" select="substring($s, 1, 1)"/>
        <xsl:choose>
          <xsl:when test="$c = '\'">\5c </xsl:when>
          <xsl:when test="$c = '&quot;'">\22 </xsl:when>
          <xsl:when test="$c = '&lt;'">\3c </xsl:when>
          <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="css-string"><xsl:with-param name="s" select="substring($s, 2)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- ===== style ========================================================================================== -->
  <xsl:template name="css">
:root { --ink: #1d1d1f; --muted: #5b5b60; --rule: #d8d8de; --accent: #7a2e12; --paper: #fffdf8; --mark: #f3ede2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 1.0625rem/1.6 Georgia, "Iowan Old Style", "Palatino Linotype", Palatino, serif; }
header.title-block, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
header.title-block { padding-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 1.25rem; }
.kind { text-transform: uppercase; letter-spacing: .12em; font: 600 .75rem/1 system-ui, sans-serif; color: var(--accent); margin: 0; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .4rem 0 1rem; }
h2 { font: 600 .8rem/1.2 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .1em; color: var(--muted); margin: 2.2rem 0 .8rem; }
h3 { font-size: 1.15rem; margin: 2rem 0 .6rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; font: .9rem/1.5 system-ui, sans-serif; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; }
.disclaimer { font: .8rem/1.45 system-ui, sans-serif; color: var(--muted); border-left: 3px solid var(--rule); padding-left: .75rem; margin-top: 1rem; }
a { color: var(--accent); }
.participants ul { list-style: none; padding: 0; margin: 0; font: .9rem/1.5 system-ui, sans-serif; }
.participants .person-name { font-weight: 600; } .participants .role, .participants .labels { color: var(--muted); }
details.source-header { font-size: .9rem; color: var(--muted); margin: 0 0 1.5rem; }
details.source-header summary { cursor: pointer; font: .8rem/1.4 system-ui, sans-serif; }
.sp { position: relative; margin: 0 0 1.4rem; }
.speaker { margin: 0 0 .25rem; font: 700 .82rem/1.4 system-ui, sans-serif; letter-spacing: .06em; }
.speaker a.who { color: var(--ink); text-decoration: none; }
.speaker .supplied { color: var(--muted); font-style: italic; }
.badge { font: 600 .68rem/1 system-ui, sans-serif; text-transform: uppercase; border: 1px solid var(--rule); border-radius: 3px; padding: .15rem .3rem; margin-left: .4rem; color: var(--muted); }
.sp p, .div > p { margin: 0 0 .7rem; position: relative; }
a.cite { position: absolute; left: -5.2rem; width: 4.6rem; text-align: right; font: .68rem/1.9 ui-monospace, monospace; color: #6e6e73; text-decoration: none; overflow-wrap: anywhere; }
a.cite:hover, a.cite:focus { color: var(--accent); text-decoration: underline; }
.gap { background: var(--mark); border-radius: 3px; padding: 0 .2rem; font-family: system-ui, sans-serif; font-size: .85em; color: #5a3d2b; }
.event, .source-note, .stage { font-style: italic; color: var(--muted); }
.stage { margin: .3rem 0 1rem; }
.event-line { margin: 0 0 .7rem; }
.skip-link { position: absolute; left: -999rem; top: .5rem; background: var(--paper); padding: .3rem .6rem; border: 1px solid var(--rule); z-index: 2; }
.skip-link:focus { left: 1rem; }
.participants a.turns { font-size: .8rem; color: var(--accent); }
.contents ol { font: .9rem/1.5 system-ui, sans-serif; padding-left: 1.5rem; }
.sp > p.speaker { position: sticky; top: 0; background: var(--paper); z-index: 1; }
a.cite { -webkit-user-select: none; user-select: none; }
.gap-crosstalk { background: #e8eef6; color: #24405e; } .gap-untranscribed, .untranscribed { background: #eef3e8; color: #34502a; }
.lacuna.gap { background: none; border: 1px dashed var(--rule); }
.lacuna { text-align: center; color: var(--muted); font: .85rem system-ui, sans-serif; letter-spacing: .05em; }
.foreign { font-style: italic; }
.lang-marker { font: 600 .6rem/1 system-ui, sans-serif; color: var(--muted); margin-left: .1rem; }
.lang-marker abbr { text-decoration: none; }
.noteref a { text-decoration: none; font: 600 .7rem/1 system-ui, sans-serif; }
ins.add { text-decoration: none; }
del { color: var(--muted); }
.notes ol { font: .88rem/1.5 system-ui, sans-serif; padding-left: 1.5rem; }
.notes li:target, .sp:target, p:target { background: #fff3c4; }
footer { color: var(--muted); font: .78rem/1.5 system-ui, sans-serif; border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; }
@media (max-width: 62rem) {
  a.cite { position: static; display: inline-block; width: auto; margin-right: .45rem; line-height: 1; }
}
@media (max-width: 30rem) {
  body { font-size: 1rem; } h1 { font-size: 1.5rem; }
  dl.meta { grid-template-columns: 1fr; } dl.meta dd { margin-bottom: .3rem; }
}
.turn-index { display: inline; }
.turn-index summary { display: inline; cursor: pointer; font-size: .8rem; color: var(--muted); margin-left: .5rem; }
.turn-index[open] { display: block; }
.turn-index summary::before { content: "▸ "; } .turn-index[open] summary::before { content: "▾ "; }
.turn-links { list-style: none; padding: 0; margin: .2rem 0 .5rem; display: flex; flex-wrap: wrap; gap: .1rem .6rem; font: .75rem/1.6 ui-monospace, monospace; }
.turn-links a { display: inline-block; min-width: 2.75rem; padding: .1rem 0; }
.contents ol.by-turns { padding-left: 0; list-style: none; }
.contents ol.by-turns a { font-weight: 600; margin-right: .3rem; }
.marks dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; font: .85rem/1.45 system-ui, sans-serif; }
.marks dd { margin: 0; color: var(--muted); } .marks dt .speaker { margin: 0; }
.cert { font: .75rem system-ui, sans-serif; color: var(--muted); letter-spacing: 0; }
.how-to-cite p { font: .88rem/1.5 system-ui, sans-serif; overflow-wrap: anywhere; }
dl.meta dd.url, .how-to-cite .citation { overflow-wrap: anywhere; }
dl.meta dd.formats a { margin-right: .6rem; }
h3 a.anchor { font: .8rem system-ui, sans-serif; color: var(--muted); text-decoration: none; }
h3 a.anchor:hover, h3 a.anchor:focus { color: var(--accent); text-decoration: underline; }
@media (max-width: 30rem) { .marks dl { grid-template-columns: 1fr; } .marks dd { margin-bottom: .4rem; } }
/* dark mode: the reader's system setting; the same contrast as the light page (axe-tested in both) */
@media (prefers-color-scheme: dark) {
  :root { --ink: #e7e4de; --muted: #b4b1aa; --rule: #48484e; --accent: #f4a57f; --paper: #18181b; --mark: #3a3128; }
  a.cite, .line-number, .pb, .milestone { color: #a3a3a9; }
  .gap { color: #f1dcc8; }
  .gap-crosstalk { background: #1f2c3b; color: #cfe0f5; } .gap-untranscribed, .untranscribed { background: #232f1d; color: #d5eac6; }
  .notes li:target, .sp:target, p:target { background: #4a3e12; }
  .tei-supplied { color: #e9c9ae; }
}
/* print and PDF: margins, running head (the title) and page numbers in the page margins, the source's header
   and URL printed, short turns run in, no turn kept whole (a long one would leave an empty page) */
@page { size: auto; margin: 18mm 18mm 20mm;
  @top-center { content: "<xsl:call-template name="css-string"><xsl:with-param name="s"><xsl:call-template name="title"/></xsl:with-param></xsl:call-template>"; font: 8pt system-ui, sans-serif; color: #555; }
  @bottom-center { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; color: #555; } }
@page :first { @top-center { content: none; } }
@media print {
  :root { --ink: #000; --muted: #444; --rule: #bbb; --accent: #000; --paper: #fff; --mark: #eee; }
  body { background: #fff; color: #000; font-size: 10.5pt; line-height: 1.45; }
  header.title-block, main, footer { max-width: none; padding: 0; }
  header.title-block { padding-top: 0; }
  a { color: inherit; text-decoration: none; }
  a.cite { position: static; font-size: 7pt; color: #555; margin-right: .3rem; }
  details.source-header::details-content { content-visibility: visible; display: block; }
  details.source-header > summary { list-style: none; }
  details.source-header > *:not(summary) { display: block; }
  p { orphans: 2; widows: 2; }
  h2, h3, .speaker { break-after: avoid-page; }
  .sp { margin-bottom: .8rem; }
  .sp.short > p.speaker, .sp.short > p.speaker + p { display: inline; }
  .sp.short > p.speaker { margin-right: .35rem; }
  .notes { break-before: auto; }
  .sp > p.speaker { position: static; }
  .skip-link, footer, nav.contents, .turn-index, h3 a.anchor { display: none; }
  .notes li:target, .sp:target, p:target { background: none; }
}
  </xsl:template>
</xsl:stylesheet>
