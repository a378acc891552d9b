package Widget;

use strict;
use warnings;

=head1 NAME

Widget - a small widget for the examples

=head1 METHODS

=head2 new

Creates a widget. The B<size> argument is required.

=cut

sub new {
    my ($class, %args) = @_;
    # =head1 NOT A HEADING: this is a comment in the code
    return bless {%args}, $class;
}

=head2 resize

Changes the size of the widget to C<$n> pixels.

    $widget->resize(10);

=cut

sub resize { $_[0]{size} = $_[1] }

1;

__END__

=head1 DESCRIPTION

Widgets are drawn with L<Widget::Painter>. They never overlap.

=head1 AUTHOR

The widget maintainers.

=cut
