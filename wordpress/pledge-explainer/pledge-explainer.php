<?php
/**
 * Plugin Name:       Pledge explainer
 * Description:       Embeds the pledge explainer's cards and pages. A card's address pasted on its own line (the classic editor) or in an embed block becomes a frame as wide as its column and exactly as tall as the card, with the address's own assumptions, language and theme, and the newsroom's theme, accent and font (Settings → Pledge explainer).
 * Version:           1.0.0
 * Requires at least: 5.6
 * Requires PHP:      7.0
 * License:           MIT
 *
 * Without it WordPress embeds a pasted card through the explainer's static oEmbed answer: a
 * sandboxed frame (links and downloads lead through wp-embed.js or the card's own page), at
 * least 200 and at most 1000 px tall, and the address's query dropped (one static answer per
 * page). This plugin answers for the explainer's addresses itself (an embed handler, so
 * WordPress fetches nothing to show them).
 */

defined( 'ABSPATH' ) || exit;

const PLEDGE_EXPLAINER_VERSION = '1.0.0';
const PLEDGE_EXPLAINER_OPTION  = 'pledge_explainer';

/**
 * The settings: `base` (the explainer's public address, as built with BASE_URL; the constant
 * PLEDGE_EXPLAINER_URL in wp-config.php wins), `theme` (light, dark, auto or '' for the card's
 * own default: light in a frame), `accent` (a hex colour) and `font` (system, sans, serif,
 * humanist). The card refuses an accent without enough contrast, and says so.
 */
function pledge_explainer_settings() {
	$o = get_option( PLEDGE_EXPLAINER_OPTION, array() );
	$o = is_array( $o ) ? $o : array();
	return pledge_explainer_sanitize(
		array_merge( $o, defined( 'PLEDGE_EXPLAINER_URL' ) ? array( 'base' => PLEDGE_EXPLAINER_URL ) : array() )
	);
}

function pledge_explainer_sanitize( $in ) {
	$in     = is_array( $in ) ? $in : array();
	$base   = isset( $in['base'] ) ? esc_url_raw( trim( (string) $in['base'] ), array( 'http', 'https' ) ) : '';
	$theme  = isset( $in['theme'] ) ? (string) $in['theme'] : '';
	$accent = isset( $in['accent'] ) ? trim( (string) $in['accent'] ) : '';
	$font   = isset( $in['font'] ) ? (string) $in['font'] : '';
	return array(
		'base'   => $base ? trailingslashit( strtok( $base, '?#' ) ) : '',
		'theme'  => in_array( $theme, array( 'light', 'dark', 'auto' ), true ) ? $theme : '',
		'accent' => preg_match( '/^#?(?:[0-9a-f]{3}|[0-9a-f]{6})$/i', $accent ) ? '#' . ltrim( $accent, '#' ) : '',
		'font'   => in_array( $font, array( 'system', 'sans', 'serif', 'humanist' ), true ) ? $font : '',
	);
}

/** The addresses this plugin embeds: the explainer's pages and cards, with any query. */
function pledge_explainer_regex( $base ) {
	$host_path = preg_replace( '#^https?://#i', '', $base );
	return '#^https?://' . preg_quote( $host_path, '#' ) . '((?:cards/[a-z0-9-]+|index)(?:\.[a-z]{2,3}(?:-[a-z0-9]+)?)?\.html)?(\?[^\s\#]*)?(?:\#[^\s]*)?$#i';
}

add_action(
	'init',
	function () {
		$s = pledge_explainer_settings();
		if ( $s['base'] ) {
			wp_embed_register_handler( 'pledge-explainer', pledge_explainer_regex( $s['base'] ), 'pledge_explainer_embed' );
		}
		wp_register_script( 'pledge-explainer', plugins_url( 'pledge-explainer.js', __FILE__ ), array(), PLEDGE_EXPLAINER_VERSION, true );
	}
);

/**
 * The page's title and height (at 640 px) from the explainer's static oEmbed answer, kept a
 * day (an hour when it could not be read): the frame's first height, before the card reports
 * its own, and its accessible name.
 */
function pledge_explainer_answer( $base, $page ) {
	$key    = 'pledge_explainer_' . md5( $base . $page );
	$answer = get_transient( $key );
	if ( is_array( $answer ) ) {
		return $answer;
	}
	$answer = array( 'title' => __( 'Pledge explainer', 'pledge-explainer' ), 'height' => 600 );
	$r      = wp_safe_remote_get( $base . 'oembed/' . preg_replace( '/\.html$/', '.json', $page ), array( 'timeout' => 5 ) );
	$json   = is_wp_error( $r ) || 200 !== wp_remote_retrieve_response_code( $r ) ? null : json_decode( wp_remote_retrieve_body( $r ), true );
	if ( is_array( $json ) ) {
		if ( ! empty( $json['title'] ) ) {
			$answer['title'] = (string) $json['title'];
		}
		if ( ! empty( $json['height'] ) && (int) $json['height'] > 0 ) {
			$answer['height'] = (int) $json['height'];
		}
	}
	set_transient( $key, $answer, is_array( $json ) ? DAY_IN_SECONDS : HOUR_IN_SECONDS );
	return $answer;
}

/**
 * The frame: the pasted address's query kept (its assumptions, `lang`, `theme`…), the
 * newsroom's theme, accent and font added where the address says none; as wide as the column;
 * sized to the card by pledge-explainer.js (the card's WordPress height message, to the pixel).
 * Sandboxed without blocking what a reader does: links open a tab, downloads download, copying
 * copies; the card cannot navigate the article.
 */
function pledge_explainer_embed( $matches, $attr, $url, $rawattr ) {
	$s     = pledge_explainer_settings();
	$page  = ! empty( $matches[1] ) ? $matches[1] : 'index.html';
	$query = array();
	if ( ! empty( $matches[2] ) ) {
		parse_str( substr( html_entity_decode( $matches[2] ), 1 ), $query );
	}
	foreach ( array( 'theme', 'accent', 'font' ) as $k ) {
		if ( $s[ $k ] && ! isset( $query[ $k ] ) ) {
			$query[ $k ] = $s[ $k ];
		}
	}
	$answer = pledge_explainer_answer( $s['base'], $page );
	$secret = wp_generate_password( 10, false );
	$src    = $s['base'] . $page . ( $query ? '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ) : '' ) . '#?secret=' . $secret;
	wp_enqueue_script( 'pledge-explainer' );
	$html = sprintf(
		'<iframe class="pledge-explainer-frame" src="%s" data-secret="%s" title="%s" width="100%%" height="%d" style="display:block;width:100%%;max-width:100%%;border:0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads" allow="clipboard-write"></iframe>',
		esc_url( $src ),
		esc_attr( $secret ),
		esc_attr( $answer['title'] ),
		$answer['height']
	);
	return apply_filters( 'pledge_explainer_embed_html', $html, $url, $query );
}

// ---------------------------------------------------------------- the embed block's variation

add_action(
	'enqueue_block_editor_assets',
	function () {
		$s = pledge_explainer_settings();
		if ( ! $s['base'] ) {
			return;
		}
		wp_enqueue_script( 'pledge-explainer-editor', plugins_url( 'editor.js', __FILE__ ), array( 'wp-blocks', 'wp-dom-ready' ), PLEDGE_EXPLAINER_VERSION, true );
		wp_add_inline_script( 'pledge-explainer-editor', 'window.pledgeExplainer = ' . wp_json_encode( array( 'base' => $s['base'] ) ) . ';', 'before' );
	}
);

// ---------------------------------------------------------------- settings

add_action(
	'admin_init',
	function () {
		register_setting( 'pledge_explainer', PLEDGE_EXPLAINER_OPTION, array( 'sanitize_callback' => 'pledge_explainer_sanitize', 'default' => array() ) );
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'Pledge explainer', 'pledge-explainer' ), __( 'Pledge explainer', 'pledge-explainer' ), 'manage_options', 'pledge-explainer', 'pledge_explainer_settings_page' );
	}
);

function pledge_explainer_settings_page() {
	$s    = pledge_explainer_settings();
	$name = PLEDGE_EXPLAINER_OPTION;
	$opts = function ( $key, $values ) use ( $s ) {
		foreach ( $values as $value => $label ) {
			printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $s[ $key ], $value, false ), esc_html( $label ) );
		}
	};
	echo '<div class="wrap"><h1>' . esc_html__( 'Pledge explainer', 'pledge-explainer' ) . '</h1><form method="post" action="options.php">';
	settings_fields( 'pledge_explainer' );
	echo '<table class="form-table" role="presentation">';
	printf(
		'<tr><th><label for="pe-base">%s</label></th><td><input id="pe-base" class="regular-text" type="url" name="%s[base]" value="%s"%s><p class="description">%s</p></td></tr>',
		esc_html__( 'Explainer address', 'pledge-explainer' ),
		esc_attr( $name ),
		esc_attr( $s['base'] ),
		defined( 'PLEDGE_EXPLAINER_URL' ) ? ' readonly' : '',
		esc_html__( 'Where the explainer is published (its BASE_URL), e.g. https://news.example/explainer/. Pasted addresses under it are embedded by this plugin.', 'pledge-explainer' )
	);
	printf( '<tr><th><label for="pe-theme">%s</label></th><td><select id="pe-theme" name="%s[theme]">', esc_html__( 'Theme', 'pledge-explainer' ), esc_attr( $name ) );
	$opts( 'theme', array( '' => __( 'Light (the card\'s default in a frame)', 'pledge-explainer' ), 'light' => __( 'Light', 'pledge-explainer' ), 'dark' => __( 'Dark (a dark site)', 'pledge-explainer' ), 'auto' => __( 'The reader\'s device', 'pledge-explainer' ) ) );
	echo '</select></td></tr>';
	printf(
		'<tr><th><label for="pe-accent">%s</label></th><td><input id="pe-accent" type="text" name="%s[accent]" value="%s" placeholder="#c0392b" pattern="#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})"><p class="description">%s</p></td></tr>',
		esc_html__( 'Accent', 'pledge-explainer' ),
		esc_attr( $name ),
		esc_attr( $s['accent'] ),
		esc_html__( 'Sliders, switches and borders; the card refuses a colour with less than 3:1 contrast on its light or dark background.', 'pledge-explainer' )
	);
	printf( '<tr><th><label for="pe-font">%s</label></th><td><select id="pe-font" name="%s[font]">', esc_html__( 'Font', 'pledge-explainer' ), esc_attr( $name ) );
	$opts( 'font', array( '' => __( 'The card\'s default (system)', 'pledge-explainer' ), 'system' => 'System', 'sans' => 'Sans', 'serif' => 'Serif', 'humanist' => 'Humanist' ) );
	echo '</select></td></tr></table>';
	submit_button();
	echo '</form></div>';
}
